package dev.metaxy.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension holding one connection per test class to a fresh database on the shared {@link PostgresServer},
 * with the hash functions installed and the session time zone UTC. Use as
 * {@code @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase("name");} and {@link #connection()}.
 */
final class PgTestDatabase implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private Connection connection;

    PgTestDatabase(String prefix) {
        this.prefix = prefix;
    }

    /** The class's connection (open between its {@code @BeforeAll} and {@code @AfterAll}). */
    Connection connection() {
        return connection;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        connection = DriverManager.getConnection(PostgresServer.get().freshDatabase(prefix));
        PostgresHashFunctions.install(connection);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        connection.close();
    }
}
