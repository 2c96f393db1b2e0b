package io.schedulr.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantRulesTest {

    @Test
    void addressesTheMailPathCanSendToPass() {
        assertThat(ParticipantRules.isSendable("hana.host-6d2677@example.com")).isTrue();
        assertThat(ParticipantRules.isSendable("a%b{c|d^e`f~g@x.example")).isTrue();
        assertThat(ParticipantRules.isSendable("o'brien+tag@sub.example.co.uk")).isTrue();
        assertThat(ParticipantRules.isSendable("a#b@x.com")).isTrue();
    }

    @Test
    void addressesItCannotAreRefused() {
        assertThat(ParticipantRules.isSendable("\"a b\"@x.com")).isFalse();
        assertThat(ParticipantRules.isSendable("x@@x.com")).isFalse();
        assertThat(ParticipantRules.isSendable("a..b@x.com")).isFalse();
        assertThat(ParticipantRules.isSendable("a@-x.com")).isFalse();
        assertThat(ParticipantRules.isSendable("a@x.com\r\nBcc: b@y.com")).isFalse();
        assertThat(ParticipantRules.isSendable("jürgen@example.com")).isFalse();
        assertThat(ParticipantRules.isSendable("a".repeat(65) + "@x.com")).isFalse();
        assertThat(ParticipantRules.isSendable("a@" + "x".repeat(250) + ".com")).isFalse();
        assertThat(ParticipantRules.isSendable(null)).isFalse();
    }

    @Test
    void namesLoseControlCharactersAndAreCapped() {
        assertThat(ParticipantRules.cleanName("Ann\r\nBcc: x\u0000y\rz")).isEqualTo("Ann Bcc: x y z");
        assertThat(ParticipantRules.cleanName("  \"Q\"; uoted, 😀 ")).isEqualTo("\"Q\"; uoted, 😀");
        assertThat(ParticipantRules.cleanName("n".repeat(10_000))).hasSize(ParticipantRules.MAX_NAME_LENGTH);
        assertThat(ParticipantRules.cleanName("😀".repeat(150))).hasSizeLessThanOrEqualTo(ParticipantRules.MAX_NAME_LENGTH)
                .doesNotEndWith("\uD83D");
        assertThat(ParticipantRules.cleanName(null)).isNull();
    }
}
