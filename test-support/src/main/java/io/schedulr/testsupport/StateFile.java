package io.schedulr.testsupport;

import org.jose4j.json.JsonUtil;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A local stand-in's lasting state (the local Google's people, grants and calendars; the local Cal.com's bookings) in one
 * JSON file of the local stack's state folder, so that a restart finds what people did where they left it, as the real
 * service would. Read once at start; written when it changed, every few seconds and on close (write, then rename). A file
 * that cannot be read is set aside (kept as it was) and the stand-in goes on from what it took back before the failure:
 * nothing when the file is not JSON. Tests keep no such file.
 */
public final class StateFile implements AutoCloseable {
    private static final long SAVE_EVERY_SECONDS = 2;

    private final Path file;
    private final String owner;
    private final Supplier<Map<String, Object>> snapshot;
    private final ScheduledExecutorService saver;
    private String written;

    private StateFile(Path file, String owner, Supplier<Map<String, Object>> snapshot) {
        this.file = file;
        this.owner = owner;
        this.snapshot = snapshot;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, owner + " state");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param owner    who keeps it, for the messages ("local Google")
     * @param snapshot the state now, as JSON values (maps, lists, strings, numbers, booleans)
     * @param restore  takes back what a snapshot held
     */
    public static StateFile keep(Path file, String owner, Supplier<Map<String, Object>> snapshot, Consumer<Map<String, Object>> restore)
            throws IOException {
        StateFile state = new StateFile(file, owner, snapshot);
        if (Files.exists(file)) {
            String text = Files.readString(file);
            try {
                restore.accept(JsonUtil.parseJson(text));
                state.written = text;
            } catch (JoseException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
                Files.move(file, aside);
                System.err.println(owner + ": " + file + " could not be read (" + e + "); set aside as " + aside + "; going on from what was read before the failure");
            }
        }
        state.saver.scheduleWithFixedDelay(state::saveQuietly, SAVE_EVERY_SECONDS, SAVE_EVERY_SECONDS, TimeUnit.SECONDS);
        return state;
    }

    synchronized void save() throws IOException {
        String text = JSONValue.toJSONString(snapshot.get());
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
            System.err.println(owner + ": could not keep its state in " + file + ": " + e);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveQuietly();
    }
}
