package io.schedulr.notification.application.service;

/** How the senders write down why a send failed: each cause's type and message, outermost first, at most 1000 characters. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable t = error;
        while (t != null && text.length() < 900) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }
}
