package io.schedulr.notification.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.EmailStatusNotice;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the body of {@code POST /api/hooks/email-status} strictly: a JSON object with exactly the documented fields,
 * strings of bounded length without control characters, a time the database can store. Every refusal is a 400 naming
 * the field; nothing a caller sends reaches the database unchecked.
 */
final class EmailStatusNoticeJson {
    private static final Set<String> FIELDS = Set.of("messageId", "status", "detail", "occurredAt");
    /** RFC 5322's line limit; a Message-ID never comes near it. */
    private static final int MAX_MESSAGE_ID = 998;
    static final int MAX_DETAIL = 2000;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private EmailStatusNoticeJson() {
    }

    static EmailStatusNotice parse(ObjectMapper json, byte[] body, Clock clock) {
        JsonNode root = tree(json, body);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown_field", "Field '" + Excerpts.of(name) + "' is not part of this request.");
            }
        }
        String messageId = text(root, "messageId", MAX_MESSAGE_ID, false);
        if (messageId == null || MailIdentity.keyOf(messageId).isEmpty()) {
            throw ApiException.badRequest("missing_field", "Field 'messageId' is required.");
        }
        String statusText = text(root, "status", 40, false);
        if (statusText == null) {
            throw ApiException.badRequest("missing_field", "Field 'status' is required.");
        }
        EmailStatus status = EmailStatus.parse(statusText).orElseThrow(() -> ApiException.badRequest("invalid_field",
                "Field 'status' must be one of " + Arrays.stream(EmailStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + "."));
        String detail = text(root, "detail", Integer.MAX_VALUE, true);
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
        return new EmailStatusNotice(MailIdentity.keyOf(messageId), status, detail, occurredAt(text(root, "occurredAt", 64, false), clock));
    }

    private static JsonNode tree(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("malformed_json", "The request body is empty; a JSON object is required.");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid_body", "The request body must be a JSON object.");
        }
        return root;
    }

    /** Providers' diagnostics may span lines; nothing else may hold control characters. */
    private static String text(JsonNode root, String field, int maxLength, boolean linesAllowed) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string.");
        }
        String value = node.asText();
        if (value.length() > maxLength) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is longer than " + maxLength + " characters.");
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && !(linesAllowed && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' contains control characters.");
        }
        return value;
    }

    private static Instant occurredAt(String text, Clock clock) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest("invalid_field", "Field 'occurredAt' must be an ISO-8601 date-time with offset.");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw ApiException.badRequest("invalid_field", "Field 'occurredAt' must lie between 1970 and a day from now.");
        }
        return at;
    }
}
