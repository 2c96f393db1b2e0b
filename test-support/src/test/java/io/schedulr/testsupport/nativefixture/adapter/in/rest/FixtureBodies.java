package io.schedulr.testsupport.nativefixture.adapter.in.rest;

import io.schedulr.testsupport.nativefixture.domain.Part;

/** Fixtures of NativeRegistrationCheckTest: REST bodies in an adapter package. */
public final class FixtureBodies {
    private FixtureBodies() {
    }

    public record Registered(String a, Part part) {
    }

}
