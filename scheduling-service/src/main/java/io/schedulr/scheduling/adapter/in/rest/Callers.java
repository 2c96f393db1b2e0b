package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.security.Caller;
import io.schedulr.scheduling.domain.UserProfile;

final class Callers {
    private Callers() {
    }

    static UserProfile toProfile(Caller caller) {
        String email = caller.email();
        String name = caller.name() != null ? caller.name() : email;
        return new UserProfile(caller.id(), email, name == null ? caller.id() : name, caller.timeZone());
    }
}
