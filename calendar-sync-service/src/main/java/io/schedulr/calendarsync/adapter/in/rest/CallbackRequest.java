package io.schedulr.calendarsync.adapter.in.rest;

/** {@code POST /api/auth/google/callback}: what Google handed the front end. */
public record CallbackRequest(String code, String state) {
}
