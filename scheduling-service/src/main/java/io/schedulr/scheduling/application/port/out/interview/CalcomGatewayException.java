package io.schedulr.scheduling.application.port.out.interview;

/**
 * calcom-gateway refused or failed. {@code status} and {@code code} are what the caller of our API should see:
 * 422 {@code calcom_rejected}, 404 {@code calcom_not_found}, 429 {@code calcom_rate_limited}, 503 {@code calcom_unavailable}.
 */
public class CalcomGatewayException extends RuntimeException {
    private final int status;
    private final String code;

    public CalcomGatewayException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Whether Cal.com answered definitely (nothing was booked), so the interview may be sent again at once. */
    public boolean definite() {
        return status == 422 || status == 404 || status == 429 || status == 400;
    }
}
