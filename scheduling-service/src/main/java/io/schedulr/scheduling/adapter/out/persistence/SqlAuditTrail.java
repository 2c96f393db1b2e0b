package io.schedulr.scheduling.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** audit_log rows, in the use case's transaction; the entity before/after as JSON. */
@ApplicationScoped
public class SqlAuditTrail implements AuditTrailPort {
    @Inject
    ObjectMapper json;

    @Override
    public Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after) {
        return insert(actorId, action, "practice_room", (after != null ? after : before).id().toString(), AuditSnapshots.of(before),
                AuditSnapshots.of(after));
    }

    @Override
    public Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after) {
        return insert(actorId, action, "slot", (after != null ? after : before).id().toString(), AuditSnapshots.of(before),
                AuditSnapshots.of(after));
    }

    @Override
    public Uni<Void> recordEntity(String actorId, String action, String entityType, String entityId, Object before, Object after) {
        return insert(actorId, action, entityType, entityId, before, after);
    }

    private Uni<Void> insert(String actorId, String action, String entityType, String entityId, Object before, Object after) {
        return SessionConnection.update("INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after) "
                        + "VALUES ($1, $2, $3, $4, CAST(CAST($5 AS text) AS jsonb), CAST(CAST($6 AS text) AS jsonb))",
                actorId, action, entityType, entityId, before == null ? null : write(before), after == null ? null : write(after))
                .replaceWithVoid();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value cannot be written as JSON", e);
        }
    }
}
