package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports for tests; 0 in the settings means "pick one". */
public final class InfraPorts {
    private InfraPorts() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static int orFree(int port) {
        return port > 0 ? port : free();
    }
}
