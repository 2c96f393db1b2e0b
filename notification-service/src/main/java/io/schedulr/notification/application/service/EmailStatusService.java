package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.RecordEmailStatusUseCase;
import io.schedulr.notification.application.port.out.RecordEmailStatusPort;
import io.schedulr.notification.domain.BounceAlert;
import io.schedulr.notification.domain.EmailStatusNotice;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** Records a provider's report and, for a mail that did not arrive, plans the alert to its organizer with it. */
public class EmailStatusService implements RecordEmailStatusUseCase {
    private final RecordEmailStatusPort notices;

    public EmailStatusService(RecordEmailStatusPort notices) {
        this.notices = notices;
    }

    @Override
    public Uni<Optional<Long>> record(EmailStatusNotice notice) {
        return notices.record(notice, mail -> BounceAlert.wanted(mail, notice.status()));
    }
}
