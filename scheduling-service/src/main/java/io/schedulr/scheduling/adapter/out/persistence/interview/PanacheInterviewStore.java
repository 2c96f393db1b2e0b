package io.schedulr.scheduling.adapter.out.persistence.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.schedulr.scheduling.application.port.out.UnreadableRowException;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewOrigin;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * interview rows through their Panache entity, in the caller's session and transaction. An update goes through the
 * entity the transaction read, so Hibernate's version check guards it; a domain object read at another version is a
 * lost race ({@link OptimisticLockException}, which the unit of work runs again).
 */
@ApplicationScoped
public class PanacheInterviewStore implements InterviewStore {
    private static final Logger LOG = Logger.getLogger(PanacheInterviewStore.class);
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Guest>> GUESTS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Override
    public Uni<Optional<Interview>> find(UUID id) {
        return Panache.getSession().chain(s -> s.find(InterviewEntity.class, id)).map(e -> Optional.ofNullable(e).map(this::readable));
    }

    @Override
    public Uni<Optional<Interview>> findByCalcom(String icalUid, Collection<String> bookingUids) {
        List<String> uids = new ArrayList<>(bookingUids);
        if (uids.isEmpty()) {
            uids.add("");
        }
        return InterviewEntity.<InterviewEntity>find("calcomIcalUid = :ical or calcomBookingUid in :uids order by createdAt",
                        Parameters.with("ical", icalUid == null ? "" : icalUid).and("uids", uids))
                .firstResult().map(e -> Optional.ofNullable(e).map(this::readable));
    }

    @Override
    public Uni<Interview> insert(Interview interview) {
        InterviewEntity e = new InterviewEntity();
        e.id = interview.id();
        e.createdAt = interview.createdAt();
        copy(interview, e);
        return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)).map(ignored -> toDomain(e));
    }

    @Override
    public Uni<Interview> update(Interview interview) {
        return Panache.getSession().chain(s -> s.find(InterviewEntity.class, interview.id()).chain(e -> {
            if (e == null || e.version != interview.version()) {
                throw new OptimisticLockException("interview " + interview.id() + " changed since it was read");
            }
            copy(interview, e);
            return s.flush().map(ignored -> toDomain(e));
        }));
    }

    @Override
    public Uni<List<Interview>> list(Visibility visibility, InterviewStatus status, UUID startupId, int limit, int offset) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", wire(status));
        }
        if (startupId != null) {
            where.append(" and startupId = :startup");
            params.and("startup", startupId);
        }
        if (!visibility.all()) {
            where.append(" and (createdBy = :user");
            params.and("user", visibility.userId());
            if (visibility.memberId() != null) {
                where.append(" or primaryMemberId = :member or additionalMemberIds like :memberText");
                params.and("member", visibility.memberId()).and("memberText", "%\"" + visibility.memberId() + "\"%");
            }
            where.append(")");
        }
        where.append(" order by startAt desc nulls last, createdAt desc, id");
        return InterviewEntity.<InterviewEntity>find(where.toString(), params).range(offset, offset + limit - 1).list()
                .map(list -> list.stream().map(this::readableOrNull).filter(Objects::nonNull).toList());
    }

    @Override
    public Uni<List<Interview>> listNaming(UUID contactId, UUID memberId) {
        String naming = contactId != null ? "(contactId = :id or guests like :idText)"
                : "(primaryMemberId = :id or additionalMemberIds like :idText)";
        UUID id = contactId != null ? contactId : memberId;
        // The JSON arrays hold ids as quoted strings: a guest's "contactId":"<id>", a member's "<id>".
        return InterviewEntity.<InterviewEntity>find("status <> :cancelled and " + naming + " order by createdAt, id",
                        Parameters.with("cancelled", wire(InterviewStatus.CANCELLED)).and("id", id).and("idText", "%\"" + id + "\"%"))
                .list().map(list -> list.stream().map(this::readableOrNull).filter(Objects::nonNull).toList());
    }

    @Override
    public Uni<Long> countNaming(UUID startupId, Collection<UUID> contactIds) {
        StringBuilder where = new StringBuilder("1 = 0");
        Parameters params = new Parameters();
        if (startupId != null) {
            where.append(" or startupId = :startup");
            params.and("startup", startupId);
        }
        int i = 0;
        for (UUID contact : contactIds) {
            where.append(" or contactId = :c").append(i).append(" or guests like :g").append(i);
            params.and("c" + i, contact).and("g" + i, "%\"" + contact + "\"%");
            i++;
        }
        return InterviewEntity.count(where.toString(), params);
    }

    /**
     * One row that cannot be read (its JSON or a value no longer what the code knows) is left out of a list and logged, so
     * it does not hide everyone's other interviews; read by its id, it still fails, alone.
     */
    private Interview readableOrNull(InterviewEntity e) {
        try {
            return readable(e);
        } catch (UnreadableRowException unreadable) {
            LOG.errorf("%s; left out of the list", unreadable.getMessage());
            return null;
        }
    }

    private Interview readable(InterviewEntity e) {
        try {
            return toDomain(e);
        } catch (RuntimeException unreadable) {
            throw new UnreadableRowException("interview " + e.id, unreadable);
        }
    }

    static String wire(InterviewStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private void copy(Interview i, InterviewEntity e) {
        e.status = wire(i.status());
        e.origin = i.origin().name().toLowerCase(Locale.ROOT);
        e.createdBy = i.createdBy();
        e.startupId = i.startupId();
        e.contactId = i.contactId();
        e.primaryMemberId = i.primaryMemberId();
        e.additionalMemberIds = write(i.additionalMemberIds());
        e.eventTypeId = i.eventTypeId();
        e.customDuration = i.customDuration();
        e.durationMinutes = i.durationMinutes();
        e.startAt = i.startAt();
        e.endAt = i.endAt();
        e.timeZone = i.timeZone();
        e.prepNotes = i.prepNotes();
        e.customQuestions = write(i.customQuestions());
        e.guestsSaved = i.guestsSaved();
        e.detailsSaved = i.detailsSaved();
        e.guests = write(i.guests());
        e.title = i.title();
        e.calcomBookingUid = i.calcomBookingUid();
        e.calcomIcalUid = i.calcomIcalUid();
        e.calcomSequence = i.calcomSequence();
        e.meetingUrl = i.meetingUrl();
        e.meetingProvider = i.meetingProvider();
        e.sequence = i.sequence();
        e.awaitingNewTime = i.awaitingNewTime();
        e.awaitingHost = i.awaitingHost();
        e.cancellationReason = i.cancellationReason();
        e.sendingSince = i.sendingSince();
        e.sentAt = i.sentAt();
        e.sentBy = i.sentBy();
        e.calcomHost = i.calcomHost() == null ? null : write(i.calcomHost());
        e.updatedAt = i.updatedAt();
    }

    private Interview toDomain(InterviewEntity e) {
        return new Interview(e.id, InterviewStatus.valueOf(e.status.toUpperCase(Locale.ROOT)),
                InterviewOrigin.valueOf(e.origin.toUpperCase(Locale.ROOT)), e.createdBy, e.startupId, e.contactId, e.primaryMemberId,
                read(e.additionalMemberIds, IDS), e.eventTypeId, e.customDuration, e.durationMinutes, e.startAt, e.endAt, e.timeZone,
                e.prepNotes, read(e.customQuestions, TEXTS), e.guestsSaved, e.detailsSaved, read(e.guests, GUESTS), e.title,
                e.calcomBookingUid, e.calcomIcalUid, e.calcomSequence, e.meetingUrl, e.meetingProvider, e.sequence, e.awaitingNewTime,
                e.awaitingHost, e.cancellationReason, e.sendingSince, e.sentAt, e.sentBy,
                e.calcomHost == null ? null : read(e.calcomHost, new TypeReference<CalcomBookingChange.Person>() {
                }), e.createdAt, e.updatedAt, e.version);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interview value cannot be written as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interview row holds unreadable JSON", e);
        }
    }
}
