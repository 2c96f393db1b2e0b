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

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central. It also speaks TLS, with a throw-away certificate;
 * one role, {@value #TLS_USER}, may connect only over TLS, everyone else as before.
 */
final class PostgresServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String TLS_USER = "tls_only";
    static final String TLS_PASSWORD = "tls_only-test-password";
    /**
     * The first matching line wins: {@value #TLS_USER} by password over TLS only; the rest are initdb's {@code -A trust}
     * defaults, which zonky uses.
     */
    private static final String ACCESS_RULES = """
            # written by schedulr test-support at every start
            hostssl   all         %1$s  all           scram-sha-256
            hostnossl all         %1$s  all           reject
            local     all         all                 trust
            host      all         all   127.0.0.1/32  trust
            host      all         all   ::1/128       trust
            local     replication all                 trust
            host      replication all   127.0.0.1/32  trust
            host      replication all   ::1/128       trust
            """.formatted(TLS_USER);

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param confDir     where the access rules are written (outside the data directory, which initdb wants empty)
     * @param certificate the server's TLS certificate and key
     */
    static PostgresServer start(Path dataDir, Path confDir, SelfSignedCertificate certificate, int port, boolean throwaway,
                                List<String> databases) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(confDir);
        Path accessRules = confDir.resolve("pg_hba.conf");
        Files.writeString(accessRules, ACCESS_RULES);
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!existing && throwaway)
                // Infrastructure.close() stops PostgreSQL after the services, from its own shutdown hook.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("hba_file", accessRules.toAbsolutePath().toString())
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.certificate().toAbsolutePath().toString())
                .setServerConfig("ssl_key_file", certificate.privateKey().toAbsolutePath().toString());
        if (Boolean.getBoolean(InfraSettings.DURABLE_POSTGRES)) {
            // As a production database commits (the embedded defaults turn both off): bench/run's headline figures.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on");
        } else if (throwaway) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        if (Boolean.getBoolean(InfraSettings.POSTGRES_STATEMENT_STATISTICS)) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        PostgresServer server = new PostgresServer(builder.start());
        server.createDatabases(databases);
        server.createTlsOnlyRole();
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

    /** A superuser, so it can use every service database as it is; what it proves is how it connects. */
    private void createTlsOnlyRole() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + TLS_USER + "'")) {
                exists = rs.next();
            }
            s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + TLS_USER + " LOGIN SUPERUSER PASSWORD '" + TLS_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IOException("creating role " + TLS_USER + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
