package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.scheduling.application.port.in.UpdateRoomCommand;
import io.schedulr.scheduling.domain.UserProfile;

/**
 * Reads {@code POST /api/practice-room/update}. A present {@code guestId} (even null, meaning "me") makes it a
 * booking, so the body is read as a tree to tell "absent" from "null".
 */
final class UpdateRoomRequestReader {
    private UpdateRoomRequestReader() {
    }

    static UpdateRoomCommand read(JsonNode body, UserProfile actor) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with roomId and the fields to change.");
        }
        boolean booking = body.has("guestId");
        return UpdateRoomCommand.of(actor, text(body, "roomId"), booking, text(body, "guestId"), text(body, "datetimeUtc"),
                bool(body, "private"), text(body, "stage"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string.");
        }
        return node.asText();
    }

    private static Boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be true or false.");
        }
        return node.asBoolean();
    }
}
