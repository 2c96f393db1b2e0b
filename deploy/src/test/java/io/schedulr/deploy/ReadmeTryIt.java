package io.schedulr.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "Try it" as a person pastes it: its bash blocks in order, run against a stack on ports of its own (each
 * fixed port the README names is replaced by that stack's), so the README stays true.
 */
final class ReadmeTryIt {
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    private ReadmeTryIt() {
    }

    /** The bash blocks of the README's "## Try it" section, joined, with the fixed ports replaced by {@code ports}. */
    static String script(Path repoRoot, StackPorts ports) throws IOException {
        String readme = Files.readString(repoRoot.resolve("README.md"));
        int start = readme.indexOf("\n## Try it");
        if (start < 0) {
            throw new IllegalStateException("README.md has no '## Try it' section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        String script = String.join("\n", blocks);
        StackPorts fixed = StackPorts.fixed();
        int[] from = {fixed.scheduling(), fixed.notification(), fixed.calendarSync(), fixed.calcomGateway(), fixed.issuer(),
                fixed.calcom(), fixed.traces(), fixed.imap(), fixed.smtp()};
        int[] to = {ports.scheduling(), ports.notification(), ports.calendarSync(), ports.calcomGateway(), ports.issuer(),
                ports.calcom(), ports.traces(), ports.imap(), ports.smtp()};
        for (int i = 0; i < from.length; i++) {
            script = script.replaceAll("localhost:" + from[i] + "\\b", "localhost:" + to[i]);
        }
        return script;
    }

    /** Runs {@code script} with bash, ended after {@code timeoutSeconds}, and answers what it printed (stdout and stderr). */
    static String run(String script, long timeoutSeconds) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("timeout", Long.toString(timeoutSeconds), "bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bash.waitFor();
        return output;
    }
}
