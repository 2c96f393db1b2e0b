package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.TopicCatalog;
import io.schedulr.testsupport.ConfiguredConsumers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics and consumer groups this service reads ({@code mp.messaging.incoming.*}) are the ones event-contract's
 * {@link TopicCatalog} names for it, so the generated AsyncAPI document (docs/asyncapi.json) cannot drift from the
 * configuration.
 */
class TopicCatalogConsumersTest {
    @Test
    void theCatalogNamesEveryTopicAndGroupThisServiceReads() throws IOException {
        Set<String> configured = ConfiguredConsumers.of(Path.of("src/main/resources/application.properties"));
        Set<String> catalogued = new TreeSet<>();
        TopicCatalog.entries().forEach(entry -> entry.consumers().stream()
                .filter(consumer -> consumer.service().equals(TopicCatalog.NOTIFICATION_SERVICE))
                .forEach(consumer -> catalogued.add(entry.topic() + " " + consumer.groupId())));

        assertThat(configured).isNotEmpty().isEqualTo(catalogued);
    }
}
