package dev.courier.infrastructure.persistence;

import static dev.courier.logging.CourierLogger.LOG;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings the database schema to the version this build expects, at deployment, before any request
 * is served. Each script in {@code db/migration} runs once, in order, in its own transaction, and
 * is recorded in {@code courier_schema_version}; an upgrade of Courier therefore keeps existing
 * queues and tasks. Scripts are portable SQL for H2 and PostgreSQL, one statement per {@code ;}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    /** Every migration, oldest first. A new schema version is a new script appended here. */
    static final List<String> MIGRATIONS = List.of(
            "V1__queues_and_tasks.sql",
            "V2__routing_tombstones_iam.sql",
            "V3__waiting_for_slot.sql",
            "V4__held_tasks.sql",
            "V5__task_list_index.sql",
            "V6__commit_markable_xids.sql",
            "V7__drop_unused_task_indexes.sql");

    @Resource(lookup = "java:jboss/datasources/CourierDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createVersionTable(connection);
            int current = currentVersion(connection);
            for (int i = current; i < MIGRATIONS.size(); i++) {
                apply(connection, i + 1, MIGRATIONS.get(i));
            }
            LOG.schemaAtVersion(MIGRATIONS.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not migrate Courier's database schema: " + e.getMessage(), e);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS courier_schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            connection.commit();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM courier_schema_version")) {
            rs.next();
            int version = rs.getInt(1);
            connection.commit();
            if (version > MIGRATIONS.size()) {
                throw new IllegalStateException("The database schema (version " + version
                        + ") is newer than this Courier build knows (version " + MIGRATIONS.size() + ")");
            }
            return version;
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        LOG.applyingMigration(script);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            try (PreparedStatement record =
                    connection.prepareStatement("INSERT INTO courier_schema_version (version, script) VALUES (?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Splits a script into statements, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
