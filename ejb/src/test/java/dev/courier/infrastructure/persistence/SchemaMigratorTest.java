package dev.courier.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void splitsScriptsIntoStatementsWithoutComments() {
        List<String> statements = SchemaMigrator.statements("""
                -- a table
                CREATE TABLE a (x INT);
                -- a sequence; with a semicolon in the comment
                CREATE SEQUENCE s;
                """);

        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE SEQUENCE s"), statements);
    }

    @Test
    void everyListedMigrationIsPackaged() {
        for (String script : SchemaMigrator.MIGRATIONS) {
            assertNotNull(getClass().getResource("/db/migration/" + script), script);
        }
    }
}
