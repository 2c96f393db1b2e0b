package io.schedulr.calendarsync.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceStateTest {
    @Test
    void readsGoogleHeaderValuesAndOnlyChangesAskForASync() {
        assertThat(ResourceState.fromHeader("sync")).contains(ResourceState.SYNC);
        assertThat(ResourceState.fromHeader("exists")).contains(ResourceState.EXISTS);
        assertThat(ResourceState.fromHeader("not_exists")).contains(ResourceState.NOT_EXISTS);
        assertThat(ResourceState.fromHeader("bogus")).isEmpty();
        assertThat(ResourceState.SYNC.requiresSync()).isFalse();
        assertThat(ResourceState.EXISTS.requiresSync()).isTrue();
    }
}
