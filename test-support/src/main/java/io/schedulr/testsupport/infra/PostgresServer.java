package io.schedulr.testsupport.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL server from the zonky binaries on Maven Central. */
final class PostgresServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(Path dataDir, int port, boolean throwaway, List<String> databases) throws IOException {
        Files.createDirectories(dataDir);
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!existing && throwaway)
                // Infrastructure.close() stops PostgreSQL after the services, from its own shutdown hook.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost");
        if (throwaway) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        PostgresServer server = new PostgresServer(builder.start());
        server.createDatabases(databases);
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    private void createDatabases(List<String> databases) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String db : databases) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("CREATE DATABASE " + db);
            }
        } catch (SQLException e) {
            throw new IOException("creating databases failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
