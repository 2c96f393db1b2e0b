package io.schedulr.deploy;

import io.schedulr.testsupport.infra.InfraEndpoints;
import io.schedulr.testsupport.infra.InfraPorts;
import io.schedulr.testsupport.infra.InfraSettings;
import io.schedulr.testsupport.infra.Infrastructure;
import io.schedulr.testsupport.infra.TcpGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started while its database does not answer yet (still starting, failing over, or slow to hand out the first
 * connection on a busy machine) waits for it and becomes ready, instead of exiting as it did before Flyway's first
 * connection was retried.
 */
class ServiceWaitsForItsDatabaseTest {
    @TempDir
    Path state;

    @Test
    void aServiceStartedWhileItsDatabaseRefusesConnectionsIsReadyOnceTheDatabaseAnswers() throws Exception {
        int databasePort = InfraPorts.free();
        try (Infrastructure infra = Infrastructure.start(InfraSettings.forTests());
             TcpGate database = new TcpGate(databasePort, infra.endpoints().postgresPort())) {
            ServiceSpec spec = new ServiceSpec("notification-service", InfraPorts.free(), "notification");
            Map<String, String> env = new LinkedHashMap<>(environment(spec, infra.endpoints()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + databasePort + "/" + spec.database());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + databasePort + "/" + spec.database());
            Path jar = AppCopy.of(spec, StackOptions.findRepoRoot(), state.resolve("apps"));

            ServiceProcess service = ServiceProcess.start(spec, jar, StackClient.SERVICE_JVM_OPTIONS, env, state.resolve("logs"), false);
            try {
                // pgjdbc's words when nothing listens: "Connection to localhost:<port> refused."
                assertThat(awaitLogMentions(service.log(), "localhost:" + databasePort + " refused", Duration.ofSeconds(120)))
                        .as("the service tried its database while nothing answered").isTrue();
                database.open();

                new ReadinessWait(Duration.ofSeconds(120)).awaitAll(List.of(service));
                assertThat(Files.readString(service.log())).as("what an operator reads meanwhile")
                        .contains("Connection error:").contains("Retrying in");
            } finally {
                service.awaitStop(Duration.ofSeconds(20));
            }
        }
    }

    private Map<String, String> environment(ServiceSpec spec, InfraEndpoints infra) throws StackException {
        GoogleSettings google = GoogleSettings.of(infra.issuerUrl(), "http://localhost:" + InfraPorts.free(),
                "http://localhost:" + InfraPorts.free() + "/", state);
        CalcomSettingsOfStack calcom = CalcomSettingsOfStack.of(InfraPorts.free(), "http://localhost:" + InfraPorts.free());
        MailStatusSettings mailStatus = MailStatusSettings.of("http://localhost:" + InfraPorts.free());
        Map<String, String> env = new LinkedHashMap<>(LocalStack.environment(spec, infra, google, mailStatus, calcom,
                "http://localhost:" + InfraPorts.free(), Map.of("SCHEDULR_TRACE_SAMPLE_RATIO", "0")));
        env.putAll(LocalStack.MIGRATE_AT_START);
        return env;
    }

    private static boolean awaitLogMentions(Path log, String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
