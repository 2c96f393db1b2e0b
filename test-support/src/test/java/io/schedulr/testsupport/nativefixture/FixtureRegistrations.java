package io.schedulr.testsupport.nativefixture;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.schedulr.testsupport.nativefixture.adapter.in.rest.FixtureBodies;

/** Fixture: registers the enclosing FixtureBodies (nested classes included) and names one class that does not exist. */
@RegisterForReflection(targets = FixtureBodies.class, classNames = "io.schedulr.testsupport.nativefixture.Gone")
final class FixtureRegistrations {
    private FixtureRegistrations() {
    }
}
