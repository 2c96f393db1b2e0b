package io.schedulr.calcom.adapter.in.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedulr.calcom.domain.webhook.BookingChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/** What the delivery audit keeps for a change found by a look-up, in place of Cal.com's signed bytes. */
@ApplicationScoped
public class LookUpEvidence {
    @Inject
    ObjectMapper json;

    /** {@code {"foundBy":"look-up","request":…,"change":…}}: the Cal.com requests whose answers showed it, and the change. */
    byte[] of(String request, BookingChange change) {
        ObjectNode body = json.createObjectNode();
        body.put("foundBy", "look-up");
        body.put("request", request);
        body.set("change", json.valueToTree(change));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
