package dev.courier.benchmark;

import dev.courier.system.WildFlyProcess;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Puts pending tasks straight into Courier's database while the server is stopped, for backlogs
 * too big to create through the API within the benchmark's time (a million tasks at a few hundred
 * CreateTask/s would take most of an hour). Each seeded row is a copy of the queue's newest task,
 * one created through the API, with its own id, name and schedule time (spread over an hour);
 * the task sequence is moved past the seeded ids. Uses the JDBC driver of the server's own
 * module, so the benchmark needs no driver of its own.
 */
final class PendingSeeder {

    private static final int ROWS_PER_COMMIT = 100_000;

    private final WildFlyProcess server;
    private final String database = System.getProperty("courier.db", "h2");

    PendingSeeder(WildFlyProcess server) {
        this.server = server;
    }

    /** Adds {@code count} copies of {@code queueId}'s newest task; the server must be stopped. */
    void seed(String queueId, long count) throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long template = newestTask(connection, queueId);
            long firstId = nextFreeId(connection);
            String insert = copyStatement(connection);
            for (long done = 0; done < count; done += ROWS_PER_COMMIT) {
                try (PreparedStatement copy = connection.prepareStatement(insert)) {
                    copy.setLong(1, firstId + done);
                    copy.setLong(2, firstId + Math.min(count, done + ROWS_PER_COMMIT) - 1);
                    copy.setLong(3, template);
                    copy.executeUpdate();
                }
                connection.commit();
                Progress.log(String.format("  seeded %,d of %,d", Math.min(count, done + ROWS_PER_COMMIT), count));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER SEQUENCE courier_task_seq RESTART WITH " + (firstId + count + 1000));
            }
            connection.commit();
        }
    }

    private static long newestTask(Connection connection, String queueId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT MAX(id) FROM courier_task WHERE queue_name LIKE ?")) {
            query.setString(1, "%/queues/" + queueId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new IllegalStateException("queue " + queueId + " has no task to copy");
                }
                return id;
            }
        }
    }

    private static long nextFreeId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(id) FROM courier_task")) {
            rs.next();
            return rs.getLong(1) + 1000;
        }
    }

    /**
     * {@code INSERT ... SELECT} copying the template row (parameter 3) once per id n in
     * [parameter 1, parameter 2], named after its id (so names stay unique when a backlog is
     * seeded twice). Every column not named here is copied as it is, so the statement follows
     * the schema.
     */
    private String copyStatement(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM courier_task WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase());
            }
        }
        List<String> values = columns.stream()
                .map(column -> switch (column) {
                    case "id" -> "n.x";
                    case "task_id" -> "'seeded-' || CAST(n.x AS VARCHAR(20))";
                    case "schedule_time" -> "t.schedule_time + MOD(n.x, 3600) * INTERVAL '1' SECOND";
                    default -> "t." + column;
                })
                .toList();
        String numbers = "postgresql".equals(database) ? "generate_series(?, ?) AS n(x)" : "SYSTEM_RANGE(?, ?) n";
        return "INSERT INTO courier_task (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM courier_task t CROSS JOIN " + numbers + " WHERE t.id = ?";
    }

    private Connection connect() throws IOException, SQLException, ReflectiveOperationException {
        Properties credentials = new Properties();
        String url;
        Path modules = server.home().resolve("modules");
        Path driverDir;
        if ("postgresql".equals(database)) {
            url = env("COURIER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/courier");
            credentials.setProperty("user", env("COURIER_DB_USER", "postgres"));
            credentials.setProperty("password", env("COURIER_DB_PASSWORD", "postgres"));
            driverDir = modules.resolve("org/postgresql/main");
        } else {
            url = "jdbc:h2:" + server.baseDir().resolve("data/courier/courier");
            credentials.setProperty("user", "sa");
            credentials.setProperty("password", "sa");
            driverDir = modules.resolve("system/layers/base/com/h2database/h2/main");
        }
        return driver(driverDir).connect(url, credentials);
    }

    private static Driver driver(Path moduleDir) throws IOException, ReflectiveOperationException {
        Path jar;
        try (Stream<Path> files = Files.list(moduleDir)) {
            jar = files.filter(f -> f.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no driver jar in " + moduleDir));
        }
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PendingSeeder.class.getClassLoader());
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            return driver;
        }
        throw new IllegalStateException("no JDBC driver in " + jar);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
