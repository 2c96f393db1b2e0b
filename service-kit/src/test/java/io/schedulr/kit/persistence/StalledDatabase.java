package io.schedulr.kit.persistence;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A PostgreSQL server that stops answering, as a frozen or cut-off one does while the kernel still takes connections:
 * either at once (the log-in is never answered), or after letting the client log in (the first statement is never
 * answered). It speaks only the few messages of a trusted log-in in the frontend/backend protocol, version 3.
 */
public final class StalledDatabase implements AutoCloseable {
    public enum Stalls { AT_LOG_IN, AFTER_LOG_IN }

    private final ServerSocket server;
    private final Stalls stalls;
    private final List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());

    public StalledDatabase(Stalls stalls) throws IOException {
        this.server = new ServerSocket(0);
        this.stalls = stalls;
        Thread acceptor = new Thread(this::accept, "stalled-database");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connectionsTaken() {
        return accepted.size();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread session = new Thread(() -> serve(socket), "stalled-database-session");
                session.setDaemon(true);
                session.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void serve(Socket socket) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[in.readInt() - 4]);
            if (stalls == Stalls.AFTER_LOG_IN) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeByte('R');
                out.writeInt(8);
                out.writeInt(0);
                parameter(out, "server_version", "16.0");
                parameter(out, "client_encoding", "UTF8");
                out.writeByte('K');
                out.writeInt(12);
                out.writeInt(4242);
                out.writeInt(1);
                out.writeByte('Z');
                out.writeInt(5);
                out.writeByte('I');
                out.flush();
            }
            while (in.read() >= 0) {
                // takes every statement, answers none
            }
        } catch (IOException closed) {
            // the client gave up
        }
    }

    private static void parameter(DataOutputStream out, String name, String value) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte('S');
        out.writeInt(4 + n.length + 1 + v.length + 1);
        out.write(n);
        out.writeByte(0);
        out.write(v);
        out.writeByte(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
