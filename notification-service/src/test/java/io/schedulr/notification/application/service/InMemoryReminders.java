package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.application.port.out.ReminderQueuePort;
import io.schedulr.notification.application.port.out.ReminderUnitOfWorkPort;
import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.ReminderDecision;
import io.schedulr.notification.domain.ReminderOutcome;
import io.schedulr.notification.domain.ReminderPlan;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.schedulr.notification.domain.SessionState;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The reminder tables in memory, with the rules of PgReminderPlans / PgReminderStore (statuses, uniqueness, claims). */
final class InMemoryReminders implements ReminderPlanPort, ReminderUnitOfWorkPort, ReminderQueuePort {

    static final class Row {
        final long id;
        final String key;
        final String icsUid;
        final ReminderSlot slot;
        String status = "PENDING";
        int attempts;
        Instant nextAttemptAt;
        Instant leaseUntil;
        String token;
        String lastError;

        Row(long id, String key, String icsUid, ReminderSlot slot) {
            this.id = id;
            this.key = key;
            this.icsUid = icsUid;
            this.slot = slot;
            this.nextAttemptAt = slot.dueAt();
        }

        @Override
        public String toString() {
            return key + " " + slot.recipientEmail() + " -" + slot.offsetMinutes() + "min @" + slot.dueAt() + " " + status;
        }
    }

    record Audit(long reminderId, String recipient, int offsetMinutes, Instant dueAt, ReminderOutcome outcome, String detail) {
    }

    final Map<String, ReminderSession> sessions = new HashMap<>();
    final Map<String, Boolean> cancelled = new HashMap<>();
    final Map<String, ReminderPreference> preferences = new HashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<Audit> audits = new ArrayList<>();
    private long nextId = 1;

    // --- ReminderPlanPort

    @Override
    public synchronized Uni<Optional<SessionState>> lockSession(String key) {
        ReminderSession s = sessions.get(key);
        return Uni.createFrom().item(s == null ? Optional.empty()
                : Optional.of(new SessionState(key, s.icsUid(), s.sequence(), cancelled.getOrDefault(key, false))));
    }

    @Override
    public synchronized Uni<Void> saveSession(ReminderSession session) {
        sessions.put(session.key(), session);
        cancelled.put(session.key(), false);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> markCancelled(String key, int sequence) {
        ReminderSession s = sessions.get(key);
        sessions.put(key, new ReminderSession(key, s.icsUid(), sequence, s.title(), s.start(), s.end(), s.joinUrl(), s.people()));
        cancelled.put(key, true);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Map<String, ReminderPreference>> preferences(Collection<String> userIds) {
        Map<String, ReminderPreference> found = new HashMap<>();
        userIds.forEach(id -> {
            if (preferences.containsKey(id)) {
                found.put(id, preferences.get(id));
            }
        });
        return Uni.createFrom().item(found);
    }

    @Override
    public synchronized Uni<Set<String>> finished(String key, String icsUid) {
        Set<String> finished = new HashSet<>();
        rows.stream().filter(r -> r.key.equals(key) && r.icsUid.equals(icsUid) && (r.status.equals("SENT") || r.status.equals("SKIPPED")))
                .forEach(r -> finished.add(r.slot.identity()));
        return Uni.createFrom().item(finished);
    }

    @Override
    public synchronized Uni<Void> replacePending(ReminderSession session, ReminderPlan plan) {
        Set<String> wanted = plan.wanted();
        for (Row r : rows) {
            if (r.key.equals(session.key()) && r.status.equals("PENDING") && (!r.icsUid.equals(session.icsUid()) || !wanted.contains(r.slot.identity()))) {
                cancel(r, "re-planned");
            }
        }
        for (ReminderSlot slot : plan.toPlan()) {
            Optional<Row> same = rows.stream().filter(r -> r.key.equals(session.key()) && r.icsUid.equals(session.icsUid())
                    && r.slot.identity().equals(slot.identity())).findFirst();
            if (same.isEmpty()) {
                rows.add(new Row(nextId++, session.key(), session.icsUid(), slot));
            } else if (same.get().status.equals("CANCELLED")) {
                same.get().status = "PENDING";
                same.get().attempts = 0;
                same.get().nextAttemptAt = slot.dueAt();
            }
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Integer> cancelPending(String key, String reason) {
        int n = 0;
        for (Row r : rows) {
            if (r.key.equals(key) && r.status.equals("PENDING")) {
                cancel(r, reason);
                n++;
            }
        }
        return Uni.createFrom().item(n);
    }

    private void cancel(Row r, String reason) {
        r.status = "CANCELLED";
        r.lastError = reason;
        audits.add(new Audit(r.id, r.slot.recipientEmail(), r.slot.offsetMinutes(), r.slot.dueAt(), ReminderOutcome.CANCELLED, reason));
    }

    @Override
    public synchronized Uni<Void> savePreference(String userId, ReminderPreference preference) {
        if (preference == null) {
            preferences.remove(userId);
        } else {
            preferences.put(userId, preference);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<ReminderSession>> lockUpcomingSessionsOf(String userId, Instant now) {
        return Uni.createFrom().item(sessions.values().stream()
                .filter(s -> !cancelled.getOrDefault(s.key(), false) && s.start().isAfter(now)
                        && s.people().stream().anyMatch(p -> userId.equals(p.person().id())))
                .sorted(Comparator.comparing(ReminderSession::key)).toList());
    }

    // --- ReminderUnitOfWorkPort

    @Override
    public <T> Uni<T> inTransaction(Function<ReminderPlanPort, Uni<T>> work) {
        return work.apply(this);
    }

    // --- ReminderQueuePort

    @Override
    public synchronized Uni<List<Claim>> claimDue(Instant now, Duration lease, int batch) {
        String token = UUID.randomUUID().toString();
        List<Claim> claims = new ArrayList<>();
        rows.stream().filter(r -> (r.status.equals("PENDING") && !r.slot.dueAt().isAfter(now) && !r.nextAttemptAt.isAfter(now))
                        || (r.status.equals("SENDING") && r.leaseUntil.isBefore(now)))
                .sorted(Comparator.comparing(r -> r.slot.dueAt())).limit(batch).forEach(r -> {
                    r.status = "SENDING";
                    r.leaseUntil = now.plus(lease);
                    r.token = token;
                    claims.add(new Claim(r.id, token));
                });
        return Uni.createFrom().item(claims);
    }

    @Override
    public Uni<ReminderDecision> settle(Claim claim, Function<DueReminder, Uni<ReminderDecision>> decide) {
        Row row;
        DueReminder due;
        synchronized (this) {
            row = rows.stream().filter(r -> r.id == claim.id()).findFirst().orElseThrow();
            if (!row.status.equals("SENDING") || !claim.token().equals(row.token)) {
                return Uni.createFrom().nullItem();
            }
            ReminderSession s = sessions.get(row.key);
            due = new DueReminder(row.id, row.slot, s, cancelled.get(row.key) || !row.icsUid.equals(s.icsUid()), row.attempts, "key-" + row.id,
                    row.slot.recipientUserId() == null ? null : preferences.get(row.slot.recipientUserId()));
        }
        return decide.apply(due).invoke(d -> {
            synchronized (this) {
                switch (d.outcome()) {
                    case SENT -> row.status = "SENT";
                    case SKIPPED_LATE -> row.status = "SKIPPED";
                    case CANCELLED -> row.status = "CANCELLED";
                    case FAILED -> {
                        row.status = "PENDING";
                        row.attempts++;
                        row.nextAttemptAt = d.nextAttemptAt();
                    }
                }
                row.lastError = d.detail();
                row.token = null;
                audits.add(new Audit(row.id, row.slot.recipientEmail(), row.slot.offsetMinutes(), row.slot.dueAt(), d.outcome(), d.detail()));
            }
        });
    }

    // --- reading

    synchronized List<Row> withStatus(String status) {
        return rows.stream().filter(r -> r.status.equals(status)).toList();
    }

    synchronized List<String> pending() {
        return rows.stream().filter(r -> r.status.equals("PENDING")).map(r -> r.slot.recipientEmail() + " " + r.slot.offsetMinutes() + " " + r.slot.dueAt())
                .sorted().toList();
    }
}
