package io.schedulr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run happened on, for docs/performance.md. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return String.format("machine: %d CPUs (%s), %s memory, %s %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static String cpuModel() {
        return grep("/proc/cpuinfo", "model name");
    }

    private static String memTotal() {
        String kb = grep("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        return kb.isEmpty() ? "?" : String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
    }

    private static String grep(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }
}
