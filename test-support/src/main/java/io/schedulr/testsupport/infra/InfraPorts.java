package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free ports for tests; 0 in the settings means "pick one". A port is handed out once per JVM: the system may offer a
 * port it just freed again, and two listeners given the same one (Kafka's SASL and controller listeners, once in CI)
 * fail to start.
 */
public final class InfraPorts {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private InfraPorts() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    public static int orFree(int port) {
        if (port > 0) {
            HANDED_OUT.add(port);
            return port;
        }
        return free();
    }
}
