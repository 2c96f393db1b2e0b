package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ReminderPreferences;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reminder minutes per person in memory; the contract's defaults (60, 10) for anyone never saved, as the JDBC adapter. */
final class InMemoryReminderPreferences implements ReminderPreferences {
    final Map<String, List<Integer>> minutes = new ConcurrentHashMap<>();
    final Map<String, String> channels = new ConcurrentHashMap<>();

    @Override
    public List<Integer> minutesOf(String userId) {
        return minutes.getOrDefault(userId, List.of(60, 10));
    }

    @Override
    public void save(String userId, List<Integer> minutes, String channel, String eventId) {
        this.minutes.put(userId, List.copyOf(minutes));
        channels.put(userId, channel);
    }
}
