package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails.NamedPerson;
import io.schedulr.scheduling.application.port.in.interview.InvitationMailsUseCase.PersonMail;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.InvitationMail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Schema(name = "InvitationMails", description = "The latest mail to each address of an interview.")
public record InvitationMailsResponse(List<Mail> mails) {

    @Schema(name = "InvitationMail")
    public record Mail(
            @Schema(description = "Where the mail went.", example = "grace@acme.test") String email,
            @Schema(description = "Who the interview names at this address now; null when nobody (an address since corrected).",
                    nullable = true, example = "Grace Hopper") String name,
            @Schema(description = "As what the interview names them; null when nobody.", nullable = true,
                    enumeration = {"contact", "guest", "interviewer"}, example = "contact") String role,
            @Schema(description = "An invitation (first or updated) or a cancellation.", enumeration = {"invitation", "cancellation"},
                    example = "invitation") String kind,
            @Schema(description = "The iCalendar SEQUENCE it carried.", example = "0") int sequence,
            @Schema(enumeration = {"waiting", "retrying", "sent", "delivered", "delayed", "bounced", "complained", "undeliverable",
                    "left_to_google"}, example = "sent") String state,
            @Schema(description = "When its state last changed (an attempt, or the mail provider's report).",
                    example = "2030-01-01T09:00:01Z") Instant at,
            @Schema(description = "Why it waits or failed, as the mail server or provider said; null when nothing to say.",
                    nullable = true, example = "550 5.1.1 mailbox unavailable") String detail) {
    }

    static InvitationMailsResponse of(List<PersonMail> mails) {
        return new InvitationMailsResponse(mails.stream().map(InvitationMailsResponse::mail).toList());
    }

    private static Mail mail(PersonMail m) {
        InvitationMail mail = m.mail();
        NamedPerson person = m.person();
        return new Mail(mail.address(), person == null ? null : person.name(), person == null ? null : lower(person.role().name()),
                lower(mail.kind().name()), mail.sequence(), lower(mail.state().name()), mail.at(), mail.detail());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
