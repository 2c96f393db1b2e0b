package io.schedulr.scheduling.adapter.out.notification;

import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks notification-service what became of an interview's mails, with the service key
 * ({@code schedulr.notification.service-key}, one of notification-service's SCHEDULR_SERVICE_KEYS). Without a key, or
 * when it is down, slow or answers oddly, the mails are {@link InvitationMailsUnavailableException unavailable}; one entry
 * it names in a way this build does not know is left out (logged), not the whole answer.
 */
@ApplicationScoped
public class NotificationInvitationMails implements InvitationMailsPort {
    private static final Logger LOG = Logger.getLogger(NotificationInvitationMails.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @RestClient
    NotificationInternalApi api;
    @ConfigProperty(name = "schedulr.notification.service-key")
    Optional<String> serviceKey;

    void warnWithoutKey(@Observes StartupEvent event) {
        if (key().isEmpty()) {
            LOG.warn("schedulr.notification.service-key (SCHEDULR_NOTIFICATION_SERVICE_KEY) is not set: an interview's page cannot "
                    + "show what became of its invitation mails");
        }
    }

    @Override
    public Uni<List<InvitationMail>> latestMails(UUID interviewId) {
        Optional<String> key = key();
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new InvitationMailsUnavailableException("no service key for notification-service", null));
        }
        return api.invitationMails(key.get(), interviewId.toString())
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().transform(failure -> {
                    LOG.warnf("notification-service could not tell what became of interview %s's mails: %s", interviewId, failure.toString());
                    return new InvitationMailsUnavailableException("notification-service did not answer", failure);
                })
                .map(answer -> {
                    if (answer == null || answer.mails() == null) {
                        LOG.warnf("notification-service answered no list of mails for interview %s", interviewId);
                        throw new InvitationMailsUnavailableException("notification-service answered no list", null);
                    }
                    return mails(interviewId, answer.mails());
                });
    }

    private Optional<String> key() {
        return serviceKey.filter(k -> !k.isBlank());
    }

    private static List<InvitationMail> mails(UUID interviewId, List<InvitationMailsAnswer.Mail> answered) {
        List<InvitationMail> mails = new ArrayList<>();
        for (InvitationMailsAnswer.Mail mail : answered) {
            Optional<InvitationMail> read = read(mail);
            if (read.isPresent()) {
                mails.add(read.get());
            } else {
                // Not the record itself: its recipient (and a delivery detail) holds someone's address.
                LOG.warnf("a mail of interview %s that notification-service named is left out, not understood here: method %s, state %s",
                        interviewId, mail == null ? null : mail.method(), mail == null ? null : mail.state());
            }
        }
        return mails;
    }

    private static Optional<InvitationMail> read(InvitationMailsAnswer.Mail mail) {
        if (mail == null || mail.recipient() == null || mail.recipient().isBlank() || mail.sequence() == null || mail.at() == null) {
            return Optional.empty();
        }
        Kind kind = switch (String.valueOf(mail.method())) {
            case "REQUEST" -> Kind.INVITATION;
            case "CANCEL" -> Kind.CANCELLATION;
            default -> null;
        };
        MailState state = stateOf(mail.state());
        if (kind == null || state == null) {
            return Optional.empty();
        }
        return Optional.of(new InvitationMail(mail.recipient(), kind, mail.sequence(), state, mail.at(), mail.detail()));
    }

    private static MailState stateOf(String name) {
        for (MailState state : MailState.values()) {
            if (state.name().equals(name)) {
                return state;
            }
        }
        return null;
    }
}
