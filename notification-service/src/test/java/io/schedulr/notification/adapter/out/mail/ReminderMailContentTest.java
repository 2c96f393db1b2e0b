package io.schedulr.notification.adapter.out.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How a reminder says when it was meant to come and how long is left: words a person reads, singular where it is one. */
class ReminderMailContentTest {

    @Test
    void aReminderSaysHowLongBeforeTheStartItComesInWords() {
        assertThat(ReminderMailContent.span(1)).isEqualTo("1 minute");
        assertThat(ReminderMailContent.span(15)).isEqualTo("15 minutes");
        assertThat(ReminderMailContent.span(60)).isEqualTo("1 hour");
        assertThat(ReminderMailContent.span(125)).isEqualTo("2 hours 5 minutes");
        assertThat(ReminderMailContent.span(1440)).isEqualTo("1 day");
        assertThat(ReminderMailContent.span(10080)).isEqualTo("7 days");
    }

    @Test
    void howLongIsLeftIsRoundedToTheMinute() {
        assertThat(ReminderMailContent.startsIn(Duration.ofSeconds(20))).isEqualTo("in less than a minute");
        assertThat(ReminderMailContent.startsIn(Duration.ofSeconds(50))).isEqualTo("in 1 minute");
        assertThat(ReminderMailContent.startsIn(Duration.ofMinutes(1441))).isEqualTo("in 1 day 1 minute");
    }
}
