package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextTest {

    @Test
    void textTypedHereIsRefusedWithControlCharactersNeverChanged() {
        assertThatThrownBy(() -> PlainText.require("Ada\u0000", "name", PlainText.MAX_NAME))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("control characters");
        assertThat(PlainText.require("  Ada Lovelace ", "name", PlainText.MAX_NAME)).isEqualTo("Ada Lovelace");
    }

    @Test
    void textFromAnotherSystemLosesItsControlAndDirectionCharacters() {
        assertThat(PlainText.cleaned("Interview with Ada\u0000")).isEqualTo("Interview with Ada");
        assertThat(PlainText.cleaned("Walk\u0007In\r\nATTENDEE:x")).isEqualTo("Walk In  ATTENDEE:x");
        assertThat(PlainText.cleaned("\u202Egnp.exe")).isEqualTo("gnp.exe");
        assertThat(PlainText.cleaned("\u0000 \t")).isNull();
        assertThat(PlainText.cleaned(null)).isNull();
        assertThat(PlainText.cleaned("Grace Hopper")).isEqualTo("Grace Hopper");
    }

    @Test
    void notesMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(PlainText.hasControlBesidesLineBreaks("# Agenda\r\n\t- the deck\n- the team")).isFalse();
        assertThat(PlainText.hasControlBesidesLineBreaks("Read\u0000 the deck")).isTrue();
        assertThat(PlainText.hasControlBesidesLineBreaks("Ring\u0007")).isTrue();
    }
}
