package io.schedulr.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedeliveryPolicyTest {
    @Test
    void backsOffExponentiallyUpToTheCap() {
        RedeliveryPolicy policy = new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15));
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RedeliveryPolicy(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedeliveryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
