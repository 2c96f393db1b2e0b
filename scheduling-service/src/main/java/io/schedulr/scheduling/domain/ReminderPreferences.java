package io.schedulr.scheduling.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * When a person wants to be reminded of their sessions: at most three leads, each one minute to seven days before the
 * start, all different, kept largest first; and through which channel.
 */
public record ReminderPreferences(List<Duration> leads, ReminderChannel channel) {
    public static final int MAX_REMINDERS = 3;
    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofDays(7);
    public static final ReminderPreferences DEFAULTS = new ReminderPreferences(List.of(Duration.ofMinutes(60), Duration.ofMinutes(10)),
            ReminderChannel.EMAIL);

    /** The leads the rules allow, or {@link InvalidReminderException} saying which part is wrong. */
    public ReminderPreferences {
        if (channel == null) {
            throw new InvalidReminderException(InvalidReminderException.Part.CHANNEL, "is required: email or popup");
        }
        if (leads == null) {
            throw new InvalidReminderException(InvalidReminderException.Part.LEADS, "is required (an empty list means no reminders)");
        }
        if (leads.size() > MAX_REMINDERS) {
            throw new InvalidReminderException(InvalidReminderException.Part.LEADS, "holds at most " + MAX_REMINDERS + " reminders");
        }
        for (Duration lead : leads) {
            if (lead == null || lead.compareTo(SHORTEST) < 0 || lead.compareTo(LONGEST) > 0 || lead.toSeconds() % 60 != 0) {
                throw new InvalidReminderException(InvalidReminderException.Part.LEADS,
                        "holds whole minutes from 1 to " + LONGEST.toMinutes() + " (7 days)");
            }
        }
        if (leads.stream().distinct().count() != leads.size()) {
            throw new InvalidReminderException(InvalidReminderException.Part.LEADS, "holds each lead once");
        }
        leads = leads.stream().sorted(Comparator.reverseOrder()).toList();
    }

    public static ReminderPreferences ofMinutes(List<Integer> minutes, ReminderChannel channel) {
        if (minutes == null) {
            return new ReminderPreferences(null, channel);
        }
        if (minutes.stream().anyMatch(m -> m == null)) {
            throw new InvalidReminderException(InvalidReminderException.Part.LEADS, "holds whole minutes from 1 to " + LONGEST.toMinutes() + " (7 days)");
        }
        return new ReminderPreferences(minutes.stream().map(Duration::ofMinutes).toList(), channel);
    }

    public List<Integer> minutes() {
        return leads.stream().map(lead -> (int) lead.toMinutes()).toList();
    }
}
