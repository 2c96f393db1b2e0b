package io.schedulr.calcom.adapter.out.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedulr.calcom.application.port.out.LookUpEvidence;
import io.schedulr.calcom.domain.webhook.BookingChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/** {@code {"foundBy":"look-up","request":…,"change":…}}: the Cal.com requests whose answers showed it, and the change. */
@ApplicationScoped
public class LookUpEvidenceJson implements LookUpEvidence {
    @Inject
    ObjectMapper json;

    @Override
    public byte[] of(String request, BookingChange change) {
        ObjectNode body = json.createObjectNode();
        body.put("foundBy", "look-up");
        body.put("request", request);
        body.set("change", json.valueToTree(change));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
