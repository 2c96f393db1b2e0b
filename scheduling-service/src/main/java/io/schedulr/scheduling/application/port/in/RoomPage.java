package io.schedulr.scheduling.application.port.in;

import java.util.List;

/**
 * One page of a room list. {@code more}: the page took all the rooms it asked for (some may have been left out of
 * {@code rooms} since), so the next page, at offset + limit, may hold more; false once the list ran out.
 */
public record RoomPage(List<RoomDetails> rooms, boolean more) {
    public RoomPage {
        rooms = List.copyOf(rooms);
    }
}
