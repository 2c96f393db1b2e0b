package io.schedulr.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An exclusive lock on the state folder, so one folder serves one running stack. Released when the JVM ends. */
final class StateLock implements AutoCloseable {
    static final String FILE_NAME = "local-stack.lock";
    /** Files locked by this JVM: opening and closing a second channel on one of them could drop its lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path stateDir) throws StackException {
        Path file = stateDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        if (!HELD.add(file)) {
            throw alreadyRunning(stateDir, null);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                HELD.remove(file);
                throw alreadyRunning(stateDir, channel);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new StateLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            HELD.remove(file);
            throw alreadyRunning(stateDir, channel);
        } catch (IOException e) {
            HELD.remove(file);
            closeQuietly(channel);
            throw new StackException("cannot use the state folder " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private static StackException alreadyRunning(Path stateDir, FileChannel channel) {
        closeQuietly(channel);
        return new StackException("the local stack is already running from " + stateDir
                + " (stop it with Ctrl-C in its terminal, or start another one with --state DIR --ports=free)");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel closes anyway
        }
        closeQuietly(channel);
        HELD.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
