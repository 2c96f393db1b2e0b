package io.schedulr.scheduling.adapter.out.notification;

import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.InvitationMail;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.Kind;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.MailState;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsUnavailableException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How notification-service's answer is read, and that nothing is asked without a key (no network: the route is a stand-in). */
class NotificationInvitationMailsTest {
    private static final Instant AT = Instant.parse("2030-03-01T10:00:00Z");
    private final List<String> calls = new ArrayList<>();

    private NotificationInvitationMails adapter(Optional<String> key, InvitationMailsAnswer answer) {
        NotificationInvitationMails mails = new NotificationInvitationMails();
        mails.serviceKey = key;
        mails.api = (serviceKey, interviewId) -> {
            calls.add(interviewId + " with " + serviceKey);
            return Uni.createFrom().item(answer);
        };
        return mails;
    }

    @Test
    void withoutAKeyNothingIsAskedAndTheMailsAreUnavailable() {
        UUID id = UUID.randomUUID();
        for (Optional<String> key : List.of(Optional.<String>empty(), Optional.of("  "))) {
            assertThatThrownBy(() -> adapter(key, new InvitationMailsAnswer(List.of())).latestMails(id).await().indefinitely())
                    .isInstanceOf(InvitationMailsUnavailableException.class);
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void eachMailIsReadAndOneThisBuildDoesNotUnderstandIsLeftOut() {
        UUID id = UUID.randomUUID();
        InvitationMailsAnswer answer = new InvitationMailsAnswer(java.util.Arrays.asList(
                new InvitationMailsAnswer.Mail("grace@acme.test", "REQUEST", 2, "DELIVERED", AT, null),
                new InvitationMailsAnswer.Mail("old@acme.test", "CANCEL", 2, "RETRYING", AT, "421 later"),
                new InvitationMailsAnswer.Mail("x@acme.test", "PUBLISH", 2, "SENT", AT, null),
                new InvitationMailsAnswer.Mail("y@acme.test", "REQUEST", 2, "TELEPORTED", AT, null),
                new InvitationMailsAnswer.Mail("z@acme.test", "REQUEST", null, "SENT", AT, null),
                null));

        List<InvitationMail> mails = adapter(Optional.of("k1"), answer).latestMails(id).await().indefinitely();

        assertThat(calls).containsExactly(id + " with k1");
        assertThat(mails).containsExactly(new InvitationMail("grace@acme.test", Kind.INVITATION, 2, MailState.DELIVERED, AT, null),
                new InvitationMail("old@acme.test", Kind.CANCELLATION, 2, MailState.RETRYING, AT, "421 later"));
        assertThatThrownBy(() -> adapter(Optional.of("k1"), new InvitationMailsAnswer(null)).latestMails(id).await().indefinitely())
                .isInstanceOf(InvitationMailsUnavailableException.class);
    }
}
