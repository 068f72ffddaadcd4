package dev.courier.benchmark;

import dev.courier.benchmark.noop.NoopApplication;
import dev.courier.benchmark.noop.NoopDrainConsumer;
import dev.courier.benchmark.noop.NoopResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes {@code bench-noop.war}, the baselines' deployment, from the compiled classes. */
final class NoopWar {

    private static final List<Class<?>> CLASSES =
            List.of(NoopApplication.class, NoopResource.class, NoopDrainConsumer.class);

    private NoopWar() {}

    static Path write(Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream file = Files.newOutputStream(war);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Class<?> type : CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return war;
    }
}
