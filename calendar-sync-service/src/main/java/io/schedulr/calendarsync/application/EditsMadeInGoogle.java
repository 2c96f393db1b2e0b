package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.domain.ObservedEvent;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Locale;

/**
 * What a person did to a room's event in Google, taken once: judged against the room's (locked) mirror, noted on it, and
 * sent to scheduling-service as a command in the same transaction. A sync takes what it lists; the mirror worker takes
 * what it finds just before it writes the event's time, so a change no sync has judged yet is never written over.
 */
final class EditsMadeInGoogle {
    private static final System.Logger LOG = System.getLogger(EditsMadeInGoogle.class.getName());

    private final RoomMirrors mirrors;
    private final RoomCommands commands;
    private final GoogleCallAudit audit;

    EditsMadeInGoogle(RoomMirrors mirrors, RoomCommands commands, GoogleCallAudit audit) {
        this.mirrors = mirrors;
        this.commands = commands;
        this.audit = audit;
    }

    /** The mirror after the event's edit was taken, or the same mirror when the event shows nothing a person did. */
    RoomMirror take(RoomMirror mirror, ObservedEvent event, Instant now) {
        return mirror.judge(event).map(edit -> {
            RoomMirror noted = mirror.after(edit);
            mirrors.save(noted);
            commands.publish(mirror, edit, now);
            String what = switch (edit.kind()) {
                case DELETED -> "the host deleted its event";
                case MOVED -> "the host moved it to " + edit.newStart();
                case WHOLE_DAY -> "the host made its event a whole day (kept at " + edit.newStart() + ")";
                case DECLINED -> "the guest declined";
            };
            audit.record(mirror.roomId(), mirror.actorOf(edit), "google." + edit.kind().name().toLowerCase(Locale.ROOT),
                    what + "; sent to scheduling");
            LOG.log(Level.INFO, "room " + mirror.roomId() + ": " + what + " in Google; told scheduling-service");
            return noted;
        }).orElse(mirror);
    }
}
