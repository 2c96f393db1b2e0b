package io.schedulr.testsupport.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local Google's lasting state in one file, so that a restart of the local stack finds the people, their grants,
 * calendars, events and push channels where they were, as Google would: without it every connected person looked
 * revoked after a restart and their events were gone. Read once at start; written when it changed, every few seconds
 * and on close. Tests keep no such file.
 */
final class LocalGoogleState implements AutoCloseable {
    private static final long SAVE_EVERY_SECONDS = 2;

    private final Path file;
    private final People people;
    private final OAuthGrants grants;
    private final CalendarStore store;
    private final WatchChannels channels;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-google-state");
        t.setDaemon(true);
        return t;
    });
    private String written;

    private LocalGoogleState(Path file, People people, OAuthGrants grants, CalendarStore store, WatchChannels channels) {
        this.file = file;
        this.people = people;
        this.grants = grants;
        this.store = store;
        this.channels = channels;
    }

    /** Restores what {@code file} holds (a file that cannot be read is set aside, and the Google starts empty), then keeps it. */
    static LocalGoogleState keep(Path file, People people, OAuthGrants grants, CalendarStore store, WatchChannels channels) throws IOException {
        LocalGoogleState state = new LocalGoogleState(file, people, grants, store, channels);
        if (Files.exists(file)) {
            String text = Files.readString(file);
            try {
                Map<String, Object> saved = Json.parseObject(text);
                people.restore(Json.list(saved.get("people")));
                grants.restore(Json.object(saved.get("grants")));
                store.restore(Json.object(saved.get("calendars")));
                channels.restore(Json.list(saved.get("channels")));
                state.written = text;
            } catch (RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
                Files.move(file, aside);
                System.err.println("local Google: " + file + " could not be read (" + e + "); set aside as " + aside + ", starting empty");
            }
        }
        state.saver.scheduleWithFixedDelay(state::saveQuietly, SAVE_EVERY_SECONDS, SAVE_EVERY_SECONDS, TimeUnit.SECONDS);
        return state;
    }

    synchronized void save() throws IOException {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("people", people.export());
        snapshot.put("grants", grants.export());
        snapshot.put("calendars", store.export());
        snapshot.put("channels", channels.export());
        String text = Json.write(snapshot);
        if (text.equals(written)) {
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written = text;
    }

    private void saveQuietly() {
        try {
            save();
        } catch (IOException | UncheckedIOException e) {
            System.err.println("local Google: could not keep its state in " + file + ": " + e);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveQuietly();
    }
}
