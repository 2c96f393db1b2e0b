package io.schedulr.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics and consumer groups a service's {@code application.properties} reads from
 * ({@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}), each as {@code "topic group"}, with
 * {@code ${name}} resolved from the same file and {@code ${ENV:default}} taken at its default. For tests that hold the
 * configuration against event-contract's catalog of topics.
 */
public final class ConfiguredConsumers {
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private ConfiguredConsumers() {
    }

    public static Set<String> of(Path applicationProperties) throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties)) {
            config.load(in);
        }
        Set<String> configured = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches()) {
                String channel = incoming.group(1);
                configured.add(resolve(config, config.getProperty(key)) + " "
                        + resolve(config, config.getProperty("mp.messaging.incoming." + channel + ".group.id")));
            }
        }
        return configured;
    }

    private static String resolve(Properties config, String value) {
        Matcher expression = EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return value;
        }
        String referenced = config.getProperty(expression.group(1));
        return referenced != null ? resolve(config, referenced) : expression.group(2);
    }
}
