package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.EmailStatusNotice;
import io.schedulr.notification.domain.ReportedMail;
import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.function.Predicate;

public interface RecordEmailStatusPort {

    /**
     * Stores the notice against the latest successful attempt of the delivery with this message key and, in the same
     * transaction, plans an alert to the mail's organizer when {@code alertOrganizer} asks for one (at most one per
     * delivery, however many reports follow).
     *
     * @return the attempt the notice was recorded against; empty when no sent message has that key (nothing is stored)
     */
    Uni<Optional<Long>> record(EmailStatusNotice notice, Predicate<ReportedMail> alertOrganizer);
}
