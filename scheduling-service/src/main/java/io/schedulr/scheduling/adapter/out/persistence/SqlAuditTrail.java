package io.schedulr.scheduling.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** audit_log rows, in the use case's transaction; the room before/after as JSON. */
@ApplicationScoped
public class SqlAuditTrail implements AuditTrailPort {
    @Inject
    ObjectMapper json;

    @Override
    public Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after) {
        PracticeRoom subject = after != null ? after : before;
        String sql = "INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after) VALUES "
                + "(:actor, :action, 'practice_room', :entity, "
                + (before == null ? "NULL" : "CAST(CAST(:before AS text) AS jsonb)") + ", "
                + (after == null ? "NULL" : "CAST(CAST(:after AS text) AS jsonb)") + ")";
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql)
                    .setParameter("actor", actorId)
                    .setParameter("action", action)
                    .setParameter("entity", subject.id().toString());
            if (before != null) {
                query.setParameter("before", write(before));
            }
            if (after != null) {
                query.setParameter("after", write(after));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private String write(PracticeRoom room) {
        try {
            return json.writeValueAsString(room);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("room cannot be written as JSON", e);
        }
    }
}
