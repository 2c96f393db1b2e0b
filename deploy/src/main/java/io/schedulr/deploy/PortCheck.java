package io.schedulr.deploy;

import io.schedulr.testsupport.infra.InfraPorts;

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
        return !InfraPorts.isFree(port);
    }
}
