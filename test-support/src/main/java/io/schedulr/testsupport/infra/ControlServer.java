package io.schedulr.testsupport.infra;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Loopback-only endpoints that take Kafka or SMTP down and bring them back, for failure tests and demos:
 * {@code POST /kafka/stop|start}, {@code POST /smtp/stop|start}.
 */
final class ControlServer implements AutoCloseable {
    private final HttpServer server;

    private ControlServer(HttpServer server) {
        this.server = server;
    }

    static ControlServer start(int port, KafkaBroker kafka, MailServer mail) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/kafka/stop", ex -> run(ex, kafka::stop));
        server.createContext("/kafka/start", ex -> run(ex, kafka::start));
        server.createContext("/smtp/stop", ex -> run(ex, mail::smtpDown));
        server.createContext("/smtp/start", ex -> run(ex, mail::smtpUp));
        server.start();
        return new ControlServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void run(com.sun.net.httpserver.HttpExchange exchange, Action action) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.json(exchange, 405, "{\"error\":\"use POST\"}");
            return;
        }
        try {
            action.run();
            HttpExchanges.json(exchange, 200, "{\"ok\":true}");
        } catch (Exception e) {
            HttpExchanges.json(exchange, 500, "{\"error\":" + HttpExchanges.quote(String.valueOf(e)) + "}");
        }
    }
}
