package io.schedulr.deploy;

import java.nio.file.Path;
import java.util.List;

/** One of the four services: its name (= Maven module), HTTP port and database. */
public record ServiceSpec(String name, int port, String database) {

    public static List<ServiceSpec> all(StackPorts ports) {
        return List.of(
                new ServiceSpec("scheduling-service", ports.scheduling(), "scheduling"),
                new ServiceSpec("notification-service", ports.notification(), "notification"),
                new ServiceSpec("calendar-sync-service", ports.calendarSync(), "calendar_sync"),
                new ServiceSpec("calcom-gateway", ports.calcomGateway(), "calcom_gateway"));
    }

    /** The fast-jar that {@code ./mvnw install} leaves in the module. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }
}
