package io.schedulr.calendarsync.application;

/** How a call to Google ended, as the audit trail words it. */
final class GoogleOutcomes {
    private GoogleOutcomes() {
    }

    static String of(RuntimeException e) {
        if (e instanceof GrantRevokedException) {
            return "invalid_grant";
        }
        if (e instanceof GoogleRejectedException rejected) {
            return "refused " + rejected.status() + ": " + e.getMessage();
        }
        if (e instanceof GoogleUnavailableException) {
            return "unavailable: " + e.getMessage();
        }
        if (e instanceof GoogleEventChangedException) {
            return "412 changed in Google since it was looked up";
        }
        if (e instanceof SyncTokenExpiredException) {
            return "410 full sync required";
        }
        return "failed: " + e;
    }
}
