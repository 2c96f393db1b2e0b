package io.schedulr.deploy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A caller's W3C trace context, sampled: the trace id a test then looks for in the local trace collector. */
record Traceparent(String traceId, String callerSpanId) {

    static Traceparent random() {
        return new Traceparent(hex(16), hex(8));
    }

    String header() {
        return "00-" + traceId + "-" + callerSpanId + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
