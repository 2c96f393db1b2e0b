package io.schedulr.testsupport.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * What to start. A port of 0 means "any free port".
 *
 * @param stateDir   where data lives; null for a temporary folder removed at shutdown
 * @param databases  databases created in PostgreSQL, one per service
 * @param throwaway  trade durability for speed (fsync off): for tests only
 */
public record InfraSettings(
        Path stateDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        int imapPort,
        int issuerPort,
        int controlPort,
        List<String> databases,
        boolean throwaway) {

    /** System property: {@code true} runs PostgreSQL with fsync, synchronous commits and full-page writes on (bench/run). */
    public static final String DURABLE_POSTGRES = "schedulr.postgres.durable";

    /** System property: {@code true} loads {@code pg_stat_statements} (bench/run's {@code bench.statements}). */
    public static final String POSTGRES_STATEMENT_STATISTICS = "schedulr.postgres.statement-statistics";

    public static final List<String> SERVICE_DATABASES =
            List.of("scheduling", "notification", "calendar_sync", "calcom_gateway");

    /** Free ports, temporary state, every service database: what a test JVM needs. */
    public static InfraSettings forTests() {
        return new InfraSettings(null, 0, 0, 0, 0, 0, 0, 0, SERVICE_DATABASES, true);
    }
}
