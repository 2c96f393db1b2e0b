package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.EmailStatusNotice;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

public interface RecordEmailStatusPort {

    /** Stores the notice against the latest successful attempt of the delivery with this message key. */
    Uni<Optional<Long>> record(EmailStatusNotice notice);
}
