package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PanacheUserDirectory implements UserDirectoryPort {

    @Override
    public Uni<UserProfile> upsert(UserProfile user) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO users (id, email, display_name, time_zone) VALUES (:id, :email, :name, :tz) "
                                        + "ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, "
                                        + "time_zone = EXCLUDED.time_zone, updated_at = now() "
                                        + "WHERE (users.email, users.display_name, users.time_zone) IS DISTINCT FROM "
                                        + "(EXCLUDED.email, EXCLUDED.display_name, EXCLUDED.time_zone)")
                        .setParameter("id", user.id())
                        .setParameter("email", user.email())
                        .setParameter("name", user.displayName())
                        .setParameter("tz", user.timeZone())
                        .executeUpdate())
                .replaceWith(user);
    }

    @Override
    public Uni<Map<String, UserProfile>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return UserEntity.<UserEntity>list("id in ?1", ids)
                .map(list -> list.stream().map(RoomMapper::toDomain)
                        .collect(Collectors.toMap(UserProfile::id, Function.identity())));
    }
}
