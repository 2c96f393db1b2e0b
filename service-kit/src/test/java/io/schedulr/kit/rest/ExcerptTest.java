package io.schedulr.kit.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTest {
    @Test
    void aRefusedValueIsSaidBackShortAndOnOneLine() {
        assertThat(Excerpt.of("Europe/Berlin")).isEqualTo("Europe/Berlin");
        assertThat(Excerpt.of("UTC\r\nX-Forged: 1\u0000")).isEqualTo("UTC??X-Forged: 1?");
        assertThat(Excerpt.of("x".repeat(5_000))).isEqualTo("x".repeat(40) + "…");
        assertThat(Excerpt.of(null)).isNull();
    }
}
