package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port helpers: free ports for tests, and a clear check for fixed ports. */
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

    public static boolean isTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
