package io.schedulr.calcom.webhook;

import io.agroal.api.AgroalDataSource;
import io.schedulr.events.BookingEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the webhook tests read back: booking events of one meeting on the real topic, and counts of rows. */
final class ReadBack {
    private ReadBack() {
    }

    /** Waits for {@code count} events of the meeting {@code icsUid} (its records' key) and decodes them. */
    static List<CloudEvent<BookingEvent>> bookingEvents(TopicProbe topic, String icsUid, int count, Duration wait) {
        List<ConsumerRecord<String, String>> records = topic.await(r -> icsUid.equals(r.key()), count, wait);
        assertThat(records).as("events for %s", icsUid).hasSize(count);
        return records.stream().map(r -> EventCodec.decodeBookingEvent(r.value())).toList();
    }

    /** {@code SELECT count(*) …} with its parameters. */
    static long rows(AgroalDataSource dataSource, String sql, String... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
