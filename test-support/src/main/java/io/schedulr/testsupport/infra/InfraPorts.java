package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Free ports for tests; 0 in the settings means "pick one". Ports are picked below the range the kernel hands to
 * outgoing connections: a port picked there (what {@code new ServerSocket(0)} gives) can be taken by any client
 * connection before the server that was meant to get it binds — in CI a second calcom-gateway replica, started minutes
 * after its port was picked, found it taken. A port is also handed out once per JVM: two listeners given the same one
 * (Kafka's SASL and controller listeners, once in CI) fail to start. The build runs two modules' tests at once
 * ({@code .mvn/maven.config}), so each module's tests pick from a range of their own ({@value #RANGE_PROPERTY}, set in
 * its pom): a port one JVM picked but has not bound yet, or let go to bring its server back (an SMTP outage), is never
 * another JVM's pick. Test JVMs forked side by side within one module take a slice of its range each
 * ({@value #SLICE_PROPERTY}, {@code K/N}: the K-th of N equal parts).
 */
public final class InfraPorts {
    /** Above the fixed ports of the local stack (8080–8094, 15432, 19092–19093). */
    private static final int LOWEST = 20000;
    /** {@code from-to} (to exclusive): where this JVM picks; unset, from {@link #LOWEST} to the kernel's range. */
    static final String RANGE_PROPERTY = "schedulr.test.ports";
    static final String SLICE_PROPERTY = "schedulr.test.ports.slice";
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private InfraPorts() {
    }

    public static synchronized int free() {
        int[] range = range();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = range[1] - range[0] >= 1000 ? ThreadLocalRandom.current().nextInt(range[0], range[1]) : anyFree();
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    /**
     * The first of {@code count} consecutive ports, all free and none handed out before, in this JVM's range (a local
     * stack's block); all of them are handed out.
     */
    public static synchronized int freeBlock(int count) {
        int[] range = range();
        if (range[1] - range[0] < 2 * count) {
            throw new IllegalStateException("no room for " + count + " consecutive ports in " + range[0] + "-" + range[1]
                    + " (" + RANGE_PROPERTY + ", below this machine's range for outgoing connections)");
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(range[0], range[1] - count);
            List<Integer> block = IntStream.range(base, base + count).boxed().toList();
            if (block.stream().noneMatch(HANDED_OUT::contains) && block.stream().allMatch(InfraPorts::isFree)) {
                HANDED_OUT.addAll(block);
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in " + range[0] + "-" + range[1]);
    }

    public static int orFree(int port) {
        if (port > 0) {
            HANDED_OUT.add(port);
            return port;
        }
        return free();
    }

    /** Ports this JVM gave away by other means (a stack's block of consecutive ports): {@link #free()} never returns them. */
    public static void reserve(Collection<Integer> ports) {
        HANDED_OUT.addAll(ports);
    }

    /** Where {@link #free()} picks, {@code [from, to)}: the configured range, never into the kernel's range. */
    static int[] range() {
        int below = firstEphemeralPort();
        String configured = System.getProperty(RANGE_PROPERTY, "").trim();
        int from = LOWEST;
        int to = below;
        if (configured.matches("\\d+-\\d+")) {
            String[] bounds = configured.split("-");
            from = Integer.parseInt(bounds[0]);
            to = Math.min(Integer.parseInt(bounds[1]), below);
        }
        String slice = System.getProperty(SLICE_PROPERTY, "").trim();
        if (slice.matches("\\d+/\\d+")) {
            int k = Integer.parseInt(slice.split("/")[0]);
            int n = Integer.parseInt(slice.split("/")[1]);
            if (k >= 1 && k <= n) {
                int size = (to - from) / n;
                return new int[]{from + (k - 1) * size, from + k * size};
            }
        }
        return new int[]{from, to};
    }

    /** Where the kernel's range for the local ports of outgoing connections starts. */
    static int firstEphemeralPort() {
        try {
            // readAllLines, not readString: readString trusts the size /proc reports and returned "3" here
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768; // Linux's default; other systems start higher
        }
    }

    /** Nothing listens on it on any address: services bind every address, the infrastructure loopback. */
    public static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
