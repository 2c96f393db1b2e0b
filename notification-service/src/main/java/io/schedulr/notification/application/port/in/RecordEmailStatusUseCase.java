package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.EmailStatusNotice;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** Records a provider's delivery/bounce notice against the attempt that sent the message. */
public interface RecordEmailStatusUseCase {

    /** @return the id of the attempt the notice was recorded against; empty when no sent message has that key */
    Uni<Optional<Long>> record(EmailStatusNotice notice);
}
