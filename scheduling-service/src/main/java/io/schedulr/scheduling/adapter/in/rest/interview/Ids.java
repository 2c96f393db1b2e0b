package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.Excerpt;
import io.schedulr.scheduling.adapter.in.rest.RequestValues;

import java.util.UUID;

/** Ids sent in the bodies of the interview steps; a bad one is 400 {@code invalid_<field>} naming the field. */
final class Ids {
    private Ids() {
    }

    static UUID required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' is required.");
        }
        String v = value.strip();
        return RequestValues.canonicalUuid(v).orElseThrow(() -> ApiException.badRequest("invalid_" + field,
                "'" + field + "' is not an id (a UUID): '" + Excerpt.of(v) + "'."));
    }

    static UUID optional(String field, String value) {
        return value == null || value.isBlank() ? null : required(field, value);
    }
}
