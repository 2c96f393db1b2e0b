package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.out.RecordEmailStatusPort;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.EmailStatusNotice;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.ReportedMail;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.schedulr.notification.domain.BounceAlertTest.ADA;
import static io.schedulr.notification.domain.BounceAlertTest.GRACE;
import static io.schedulr.notification.domain.BounceAlertTest.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Recording a provider's report plans an alert to the organizer for a mail that did not arrive, once per mail. */
class EmailStatusServiceTest {

    /** Mails by message key, the reports recorded against them, and the deliveries with an alert planned (once each). */
    static final class InMemoryNotices implements RecordEmailStatusPort {
        final Map<String, ReportedMail> mails = new HashMap<>();
        final List<EmailStatusNotice> recorded = new ArrayList<>();
        final List<Long> alerted = new ArrayList<>();

        @Override
        public Uni<Optional<Long>> record(EmailStatusNotice notice, Predicate<ReportedMail> alertOrganizer) {
            ReportedMail mail = mails.get(notice.messageKey());
            if (mail == null) {
                return Uni.createFrom().item(Optional.empty());
            }
            recorded.add(notice);
            if (alertOrganizer.test(mail) && !alerted.contains(mail.deliveryId())) {
                alerted.add(mail.deliveryId());
            }
            return Uni.createFrom().item(Optional.of(mail.deliveryId() * 10));
        }
    }

    final InMemoryNotices notices = new InMemoryNotices();
    final EmailStatusService service = new EmailStatusService(notices);

    Optional<Long> report(String key, EmailStatus status) {
        return service.record(new EmailStatusNotice(key, status, "550 5.1.1 mailbox unavailable", null)).await().indefinitely();
    }

    @Test
    void aBounceOfAContactsInvitationPlansOneAlertToItsOrganizer() {
        notices.mails.put("k-grace", new ReportedMail(3, "interview:iv-1", InviteMethod.REQUEST, "Interview", START, START, ADA, GRACE));
        notices.mails.put("k-ada", new ReportedMail(4, "interview:iv-1", InviteMethod.REQUEST, "Interview", START, START, ADA, ADA));

        assertThat(report("k-grace", EmailStatus.DELIVERED)).contains(30L);
        assertThat(notices.alerted).as("it arrived").isEmpty();
        report("k-grace", EmailStatus.BOUNCED);
        report("k-grace", EmailStatus.REJECTED);
        report("k-ada", EmailStatus.BOUNCED);

        assertThat(notices.recorded).hasSize(4);
        assertThat(notices.alerted).as("Grace's mail once; Ada's own bounce is not told to Ada").containsExactly(3L);
        assertThat(report("unknown", EmailStatus.BOUNCED)).as("a message we never sent").isEmpty();
    }
}
