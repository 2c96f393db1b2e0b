package io.schedulr.deploy;

import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher puts in each service's environment for tracing and logs, and the per-service overrides of tests. */
class ServiceEnvironmentTest {
    @TempDir
    Path state;
    /** One stack's settings: every service of it gets the same keys. */
    private GoogleSettings google;
    private MailStatusSettings mailStatus;

    @Test
    void everyServiceExportsEveryTraceToTheLocalCollectorAndLogsText() throws Exception {
        StackPorts ports = StackPorts.fromBase(41000);
        for (ServiceSpec spec : ServiceSpec.all(ports)) {
            Map<String, String> env = environment(spec, ports, Map.of());
            assertThat(env).as(spec.name())
                    .containsEntry("SCHEDULR_TRACE_SAMPLE_RATIO", "1")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://localhost:" + ports.traces())
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                    .containsEntry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s")
                    .containsEntry("SCHEDULR_LOG_JSON", "false");
        }
    }

    @Test
    void anOverrideReachesOnlyItsServiceAndWins() throws Exception {
        StackPorts ports = StackPorts.fromBase(41000);
        StackOptions options = new StackOptions(state, state, ports, Duration.ofSeconds(1), List.of(), false)
                .withServiceEnvironment("notification-service", Map.of("SCHEDULR_LOG_JSON", "true"))
                .withServiceEnvironment("notification-service", Map.of("EXTRA", "x"));
        for (ServiceSpec spec : ServiceSpec.all(ports)) {
            Map<String, String> env = environment(spec, ports, options.environmentOf(spec.name()));
            if (spec.name().equals("notification-service")) {
                assertThat(env).containsEntry("SCHEDULR_LOG_JSON", "true").containsEntry("EXTRA", "x");
            } else {
                assertThat(env).as(spec.name()).containsEntry("SCHEDULR_LOG_JSON", "false").doesNotContainKey("EXTRA");
            }
        }
    }

    @Test
    void schedulingServiceHoldsTheServiceKeyCalendarSyncServiceAcceptsAndNoOtherServiceHasIt() throws Exception {
        StackPorts ports = StackPorts.fromBase(41000);
        Map<String, Map<String, String>> envs = new java.util.HashMap<>();
        for (ServiceSpec spec : ServiceSpec.all(ports)) {
            envs.put(spec.name(), environment(spec, ports, Map.of()));
        }
        String key = envs.get("scheduling-service").get("SCHEDULR_CALENDAR_SYNC_SERVICE_KEY");

        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(envs.get("calendar-sync-service")).containsEntry("SCHEDULR_SERVICE_KEYS", key);
        envs.forEach((service, env) -> {
            if (!service.equals("scheduling-service")) {
                assertThat(env).as(service).doesNotContainKey("SCHEDULR_CALENDAR_SYNC_SERVICE_KEY");
            }
            if (!service.equals("calendar-sync-service") && !service.equals("notification-service")) {
                assertThat(env).as(service).doesNotContainKey("SCHEDULR_SERVICE_KEYS");
            }
        });
        assertThat(GoogleSettings.of("http://localhost:1", "http://localhost:2", "http://localhost:3/", state).serviceKey())
                .as("a new key for each run of the stack").isNotEqualTo(key);
    }

    @Test
    void schedulingServiceAsksNotificationServiceWithAKeyOfItsOwnThatOnlyNotificationServiceAccepts() throws Exception {
        StackPorts ports = StackPorts.fromBase(41000);
        Map<String, Map<String, String>> envs = new java.util.HashMap<>();
        for (ServiceSpec spec : ServiceSpec.all(ports)) {
            envs.put(spec.name(), environment(spec, ports, Map.of()));
        }
        String key = envs.get("scheduling-service").get("SCHEDULR_NOTIFICATION_SERVICE_KEY");

        assertThat(key).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(envs.get("scheduling-service").get("SCHEDULR_CALENDAR_SYNC_SERVICE_KEY"));
        assertThat(envs.get("scheduling-service")).containsEntry("QUARKUS_REST_CLIENT_NOTIFICATION_URL", "http://localhost:" + ports.notification());
        assertThat(envs.get("notification-service")).containsEntry("SCHEDULR_SERVICE_KEYS", key);
        assertThat(envs.get("calendar-sync-service").get("SCHEDULR_SERVICE_KEYS")).as("calendar-sync-service's own key").isNotEqualTo(key);
        envs.forEach((service, env) -> {
            if (!service.equals("scheduling-service")) {
                assertThat(env).as(service).doesNotContainKey("SCHEDULR_NOTIFICATION_SERVICE_KEY");
            }
        });
    }

    private Map<String, String> environment(ServiceSpec spec, StackPorts ports, Map<String, String> overrides) throws Exception {
        InfraEndpoints infra = new InfraEndpoints(ports.postgres(), "postgres", "postgres", "tls", "tls", "ca.pem",
                "localhost:" + ports.kafka(), "localhost:1", "scram", "scram", ports.smtp(), ports.imap(),
                "http://localhost:" + ports.issuer(), "http://localhost:" + ports.control());
        if (google == null) {
            google = GoogleSettings.of(infra.issuerUrl(), "http://localhost:" + ports.calendarSync(),
                    "http://localhost:" + ports.scheduling() + "/", state);
        }
        CalcomSettingsOfStack calcom = CalcomSettingsOfStack.of(ports.calcom(), "http://localhost:" + ports.calcomGateway());
        if (mailStatus == null) {
            mailStatus = MailStatusSettings.of("http://localhost:" + ports.notification());
        }
        return LocalStack.environment(spec, infra, google, mailStatus, calcom, "http://localhost:" + ports.traces(), overrides);
    }
}
