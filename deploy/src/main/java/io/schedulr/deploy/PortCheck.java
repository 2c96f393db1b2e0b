package io.schedulr.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Refuses to start when a port the stack needs is taken, with a message that says what to do. */
final class PortCheck {
    private PortCheck() {
    }

    static void requireFree(StackPorts ports) throws StackException {
        for (Map.Entry<Integer, String> e : ports.byPort().entrySet()) {
            if (isTaken(e.getKey())) {
                throw new StackException("port " + e.getKey() + " (" + e.getValue() + ") is already in use"
                        + " — is the local stack already running? (stop it with Ctrl-C, or free the port)");
            }
        }
    }

    /** Taken when something listens on it on any address: the services bind all addresses, the infrastructure loopback. */
    static boolean isTaken(int port) {
        return !canBind(new InetSocketAddress(port)) || !canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
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
}
