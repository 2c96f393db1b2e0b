package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.CalcomUsersUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Cal.com users an admin can link a team member to: the hosts of Cal.com's event types (those who can take an
 * interview), each once, with the member already linked to them. Cal.com is asked after the team is read, outside the
 * reading session.
 */
public class CalcomUsersService implements CalcomUsersUseCase {
    private final UnitOfWork tx;
    private final TeamMemberStore members;
    private final CalcomGatewayPort calcom;

    public CalcomUsersService(UnitOfWork tx, TeamMemberStore members, CalcomGatewayPort calcom) {
        this.tx = tx;
        this.members = members;
        this.calcom = calcom;
    }

    @Override
    public Uni<List<CalcomUser>> list(Actor admin) {
        admin.requireAdmin("list Cal.com users");
        return tx.reading(() -> members.list(true)).chain(team -> calcom.eventTypes().map(types -> {
            Map<Long, TeamMember> byUser = team.stream().filter(m -> m.calcomUserId() != null)
                    .collect(Collectors.toMap(TeamMember::calcomUserId, Function.identity(), (a, b) -> a));
            Map<Long, String> hosts = new LinkedHashMap<>();
            types.forEach(type -> type.hosts().forEach(host -> hosts.putIfAbsent(host.userId(), host.name())));
            return hosts.entrySet().stream().map(h -> new CalcomUser(h.getKey(), h.getValue(), byUser.get(h.getKey())))
                    .sorted(Comparator.comparing((CalcomUser u) -> u.name() == null ? "" : u.name().toLowerCase(Locale.ROOT))
                            .thenComparingLong(CalcomUser::calcomUserId))
                    .toList();
        }));
    }
}
