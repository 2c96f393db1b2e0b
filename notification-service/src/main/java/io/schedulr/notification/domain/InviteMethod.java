package io.schedulr.notification.domain;

/** iTIP method of an invitation mail (RFC 5546). */
public enum InviteMethod {
    REQUEST,
    CANCEL
}
