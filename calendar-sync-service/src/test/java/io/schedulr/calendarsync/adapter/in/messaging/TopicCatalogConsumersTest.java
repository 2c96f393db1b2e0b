package io.schedulr.calendarsync.adapter.in.messaging;

import io.schedulr.events.TopicCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics and consumer groups this service reads ({@code mp.messaging.incoming.*}) are the ones event-contract's
 * {@link TopicCatalog} names for it, so the generated AsyncAPI document (docs/asyncapi.json) cannot drift from the
 * configuration.
 */
class TopicCatalogConsumersTest {
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    @Test
    void theCatalogNamesEveryTopicAndGroupThisServiceReads() throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
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
        Set<String> catalogued = new TreeSet<>();
        TopicCatalog.entries().forEach(entry -> entry.consumers().stream()
                .filter(consumer -> consumer.service().equals(TopicCatalog.CALENDAR_SYNC_SERVICE))
                .forEach(consumer -> catalogued.add(entry.topic() + " " + consumer.groupId())));

        assertThat(configured).isNotEmpty().isEqualTo(catalogued);
    }

    /** {@code ${name}} from the same file, {@code ${ENV:default}} as its default. */
    private static String resolve(Properties config, String value) {
        Matcher expression = EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return value;
        }
        String referenced = config.getProperty(expression.group(1));
        return referenced != null ? resolve(config, referenced) : expression.group(2);
    }
}
