package io.schedulr.calendarsync.application.port.in;

/** Brings the team members' dedicated calendars in line with the interviews taken in. */
public interface MirrorInterviewsUseCase {
    /** Works the next due member entry, if any, in its own transaction; false when none is due. */
    boolean mirrorNext();
}
