package io.schedulr.testsupport;

/** A signed-in person as a test sees them: the token's subject and claims, and the bearer token itself. */
public record TestUser(String id, String email, String name, String timeZone, String token) {
    public String bearer() {
        return "Bearer " + token;
    }
}
