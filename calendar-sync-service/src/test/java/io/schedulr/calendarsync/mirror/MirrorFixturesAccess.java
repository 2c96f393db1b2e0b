package io.schedulr.calendarsync.mirror;

import io.schedulr.testsupport.TestUser;

/** The room fixtures' connection steps, for tests in other packages. */
public final class MirrorFixturesAccess {
    private MirrorFixturesAccess() {
    }

    /** Connects the person's calendar and waits until its push channel works and a first sync ran. */
    public static void connectAndAwaitWatched(TestUser user) {
        MirrorFixtures.connect(user);
        MirrorFixtures.awaitWatched(user);
    }
}
