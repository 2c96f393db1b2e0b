package io.schedulr.calcom.adapter.out.calcomapi;

/**
 * Cal.com answered with an error status: its envelope's {@code error.code} and {@code error.message} when it sent one,
 * and {@code X-RateLimit-Reset-Default} (seconds) when present. Never holds the key: Cal.com does not echo it, and the
 * message is shortened and stripped of line breaks before it is kept.
 */
public class CalcomHttpFailure extends RuntimeException {
    private final int status;
    private final String calcomCode;
    private final String calcomMessage;
    private final Long resetSeconds;

    public CalcomHttpFailure(int status, String calcomCode, String calcomMessage, Long resetSeconds) {
        super("Cal.com answered " + status + (calcomCode == null ? "" : " " + calcomCode));
        this.status = status;
        this.calcomCode = calcomCode;
        this.calcomMessage = calcomMessage;
        this.resetSeconds = resetSeconds;
    }

    public int status() {
        return status;
    }

    public String calcomCode() {
        return calcomCode;
    }

    public String calcomMessage() {
        return calcomMessage;
    }

    public Long resetSeconds() {
        return resetSeconds;
    }
}
