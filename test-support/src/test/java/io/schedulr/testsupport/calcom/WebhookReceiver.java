package io.schedulr.testsupport.calcom;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny subscriber: keeps every POST's exact bytes and headers; can answer 500 for the next N deliveries. */
final class WebhookReceiver implements AutoCloseable {
    record Received(byte[] body, String signature, String contentType) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failNext = new AtomicInteger();

    WebhookReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/webhooks/calcom", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Cal-Signature-256"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/calcom";
    }

    void failNext(int count) {
        failNext.set(count);
    }

    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no webhook delivery within 10 s");
        }
        return r;
    }

    /** The next delivery of the given trigger, skipping others. */
    Received next(String trigger) throws Exception {
        for (int i = 0; i < 20; i++) {
            Received r = next();
            if (trigger.equals(CalcomHttp.json(r.text()).get("triggerEvent"))) {
                return r;
            }
        }
        throw new AssertionError("no " + trigger + " delivery");
    }

    Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
