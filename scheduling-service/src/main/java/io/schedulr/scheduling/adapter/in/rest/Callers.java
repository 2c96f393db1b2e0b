package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.domain.UserProfile;

/** The signed-in caller as this service's domain sees them; shared by the room, slot and interview routes. */
public final class Callers {
    private Callers() {
    }

    /**
     * The caller as their token describes them. The zone only when the token states one: Google's do not, and then the zone
     * kept for the person (the one they set) stands ({@link UserProfile#timeZone()} null).
     */
    public static UserProfile toProfile(CurrentCaller current) {
        Caller caller = current.get();
        String email = caller.email();
        String name = caller.name() != null ? caller.name() : email;
        return new UserProfile(caller.id(), email, name == null ? caller.id() : name, current.statedZone());
    }
}
