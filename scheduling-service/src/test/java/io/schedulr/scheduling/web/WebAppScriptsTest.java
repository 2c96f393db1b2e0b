package io.schedulr.scheduling.web;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's own script tests (src/test/js, Node's built-in runner): its pure helpers — times in the viewer's zone
 * above all — checked without a browser. Node is on every machine that builds this (CI's checks use it too).
 */
class WebAppScriptsTest {
    @Test
    void theScriptTestsPass() throws Exception {
        Process node = new ProcessBuilder("node", "--test", "src/test/js/").directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test ended").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }
}
