package dev.courier.benchmark;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** Prints a status line now and then while something long runs, so the run never looks stuck. */
final class Progress implements AutoCloseable {

    private final Thread printer;

    private Progress(Thread printer) {
        this.printer = printer;
    }

    static Progress every(Duration period, Supplier<String> status) {
        Thread printer = new Thread(
                () -> {
                    try {
                        while (true) {
                            Thread.sleep(period.toMillis());
                            log(status.get());
                        }
                    } catch (InterruptedException stopped) {
                        // closed
                    }
                },
                "progress");
        printer.setDaemon(true);
        printer.start();
        return new Progress(printer);
    }

    static void log(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        System.out.flush();
    }

    @Override
    public void close() {
        printer.interrupt();
    }
}
