package io.schedulr.kit.security;

/** The person behind the bearer token of this request, from its claims. */
public record Caller(String id, String email, String name, String timeZone) {
}
