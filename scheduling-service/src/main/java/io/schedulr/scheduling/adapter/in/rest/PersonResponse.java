package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.scheduling.domain.UserProfile;

/** A person as others see them in a room: no email address. */
public record PersonResponse(String id, String name) {
    static PersonResponse of(UserProfile user) {
        return user == null ? null : new PersonResponse(user.id(), user.displayName());
    }
}
