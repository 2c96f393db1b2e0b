package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The variants {@link LocalCalcomApiResource} sets up; the profile's class is what it looks at. */
public final class Profiles {
    private Profiles() {
    }

    /** A key the local Cal.com does not accept. */
    public static class WrongKey implements QuarkusTestProfile {
    }

    /** No key and no webhook secret, as when CALCOM_API_KEY and CALCOM_WEBHOOK_SECRET are not set. */
    public static class NoKey implements QuarkusTestProfile {
    }

    /** A local Cal.com of its own that allows 2 requests per second, and our rate-limit window of 5 s. */
    public static class RateLimited implements QuarkusTestProfile {
    }
}
