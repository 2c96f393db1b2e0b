package io.schedulr.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * One running copy of one of the four services: its name (= Maven module), HTTP port, database and which replica it is
 * (0 = the first, on the documented port; the others on ports chosen at start).
 */
public record ServiceSpec(String name, int port, String database, int replica) {

    public ServiceSpec(String name, int port, String database) {
        this(name, port, database, 0);
    }

    public static List<ServiceSpec> all(StackPorts ports) {
        return List.of(
                new ServiceSpec("scheduling-service", ports.scheduling(), "scheduling"),
                new ServiceSpec("notification-service", ports.notification(), "notification"),
                new ServiceSpec("calendar-sync-service", ports.calendarSync(), "calendar_sync"),
                new ServiceSpec("calcom-gateway", ports.calcomGateway(), "calcom_gateway"));
    }

    /** Replica {@code index} (counted from 0) of this service, listening on {@code otherPort}. */
    public ServiceSpec replica(int index, int otherPort) {
        return new ServiceSpec(name, otherPort, database, index);
    }

    /** The name of this copy: the service's name for the first replica, {@code name-2}, {@code name-3} … for the others. */
    public String instance() {
        return replica == 0 ? name : name + "-" + (replica + 1);
    }

    /** The fast-jar that {@code ./mvnw install} leaves in the module. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }
}
