package io.schedulr.kit.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Size limits on every request, answered in the JSON error shape. Vert.x and Quarkus would answer 413, 414 and 431
 * with an empty body, and the 413 by closing the connection while the client is still sending, which clients see as
 * a reset. Here the limits are checked before any other route, the answer is JSON, and an oversized body is read
 * and thrown away (up to {@link #DRAIN_LIMIT}) so the client receives the answer. The framework's own limits are set
 * higher (META-INF/microprofile-config.properties) and stay as the last line.
 */
@ApplicationScoped
public class RequestLimits {
    /** Runs before Quarkus's own upload limit (order -2). */
    static final int ORDER = -10;
    /** Beyond this much discarded body the connection is closed rather than read to the end. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    @ConfigProperty(name = "schedulr.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;
    @ConfigProperty(name = "schedulr.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;
    @ConfigProperty(name = "schedulr.http.max-header-size", defaultValue = "16K")
    MemorySize maxHeaderSize;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            refuse(ctx, 414, "uri_too_long", "The request URI is longer than " + maxUriLength + " characters.");
        } else if (headerBytes(request) > maxHeaderSize.asLongValue()) {
            refuse(ctx, 431, "headers_too_large", "The request headers are larger than " + maxHeaderSize.asLongValue() + " bytes.");
        } else if (declaredLength(request) > maxBodySize.asLongValue()) {
            refuse(ctx, 413, "body_too_large", bodyMessage());
        } else if (isChunked(request)) {
            collectChunked(ctx);
        } else {
            ctx.next();
        }
    }

    private String bodyMessage() {
        return "The request body is larger than " + maxBodySize.asLongValue() + " bytes.";
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /**
     * A body without a declared length is read here, counted, and handed on whole (Quarkus REST reads a body already
     * on the routing context); past the limit it is refused and the rest is thrown away.
     */
    private void collectChunked(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long limit = maxBodySize.asLongValue();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                if (received[0] > DRAIN_LIMIT) {
                    request.connection().close();
                }
            } else if (received[0] > limit) {
                refused[0] = true;
                answer(ctx, 413, "body_too_large", bodyMessage(), false);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.exceptionHandler(ctx::fail);
        request.resume();
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext ctx, int status, String code, String message) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        boolean drain = (declared > 0 && declared <= DRAIN_LIMIT || isChunked(request)) && !request.isEnded();
        if (drain) {
            request.handler(ignored -> {
            });
            request.resume();
        }
        answer(ctx, status, code, message, declared > DRAIN_LIMIT);
    }

    private static void answer(RoutingContext ctx, int status, String code, String message, boolean close) {
        HttpServerRequest request = ctx.request();
        var response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> request.connection().close());
        }
        response.end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
