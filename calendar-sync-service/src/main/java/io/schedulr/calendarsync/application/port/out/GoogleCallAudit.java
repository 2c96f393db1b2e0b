package io.schedulr.calendarsync.application.port.out;

/** A record of every call made to Google for a room: who, what, and how it ended. */
public interface GoogleCallAudit {
    void record(String roomId, String personId, String operation, String outcome);
}
