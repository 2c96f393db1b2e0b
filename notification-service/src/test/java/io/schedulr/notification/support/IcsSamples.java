package io.schedulr.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps every ICS the tests produce in target/ics-samples, for the independent ical.js check (ics-check/). */
public final class IcsSamples {
    private static final Path DIR = Path.of("target", "ics-samples");

    private IcsSamples() {
    }

    public static Path write(String name, String ics) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics");
            Files.writeString(file, ics, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
