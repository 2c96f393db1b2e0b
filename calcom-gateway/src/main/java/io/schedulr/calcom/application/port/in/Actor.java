package io.schedulr.calcom.application.port.in;

/** Who asks: the signed-in person's id ({@code sub}) and whether they are an operator (role {@code admin}). */
public record Actor(String id, boolean admin) {
    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
    }
}
