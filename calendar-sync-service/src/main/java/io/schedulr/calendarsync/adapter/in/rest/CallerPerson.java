package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.Person;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in caller as the application sees a person. */
@RequestScoped
public class CallerPerson {
    @Inject
    CurrentCaller caller;

    Person get() {
        Caller c = caller.get();
        return new Person(c.id(), c.email(), c.timeZone());
    }
}
