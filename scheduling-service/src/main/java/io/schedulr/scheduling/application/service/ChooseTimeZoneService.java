package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.ChooseTimeZoneUseCase;
import io.schedulr.scheduling.application.port.in.KeptTimeZoneUseCase;
import io.schedulr.scheduling.application.port.out.ChooseTimeZonePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.ZoneId;
import java.util.List;

/** The caller is signed in (their row made or refreshed) and their zone kept or read, in one transaction. */
public class ChooseTimeZoneService implements ChooseTimeZoneUseCase, KeptTimeZoneUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ChooseTimeZonePort zones;

    public ChooseTimeZoneService(UnitOfWork tx, UserDirectoryPort users, ChooseTimeZonePort zones) {
        this.tx = tx;
        this.users = users;
        this.zones = zones;
    }

    @Override
    public Uni<String> choose(UserProfile caller, ZoneId zone) {
        String id = zone.getId();
        return tx.inTransaction(() -> users.upsert(caller).chain(() -> zones.chooseTimeZone(caller.id(), id))).replaceWith(id);
    }

    @Override
    public Uni<String> kept(UserProfile caller) {
        return tx.inTransaction(() -> users.upsert(caller).chain(() -> users.findAll(List.of(caller.id()))))
                .map(found -> found.getOrDefault(caller.id(), caller).zoneOrUtc());
    }
}
