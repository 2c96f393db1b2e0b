package io.schedulr.calendarsync.domain;

/**
 * Someone taking part in an interview, as scheduling-service announced them.
 *
 * @param userId   their Google account id ({@code sub}) when they have signed in to Schedulr; null for outsiders
 * @param role     e.g. "Partner"; may be null
 * @param company  for the contact and guests; may be null
 * @param timeZone their zone, or the meeting's when theirs is unknown; may be null
 */
public record InterviewParticipant(String userId, String name, String email, String role, String company, String timeZone, Part part) {
    /** How they take part; the first two are our team, whose own calendars show the interview. */
    public enum Part {
        PRIMARY_INTERVIEWER("primary interviewer"),
        TEAM_MEMBER("team"),
        CONTACT("contact"),
        GUEST("guest");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public InterviewParticipant {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a participant needs an email");
        }
        java.util.Objects.requireNonNull(part, "part");
        if (userId != null && userId.isBlank()) {
            userId = null;
        }
    }

    public boolean isTeam() {
        return part == Part.PRIMARY_INTERVIEWER || part == Part.TEAM_MEMBER;
    }

    /** "Ada Host (Partner, Acme) <ada@example.com>: primary interviewer". */
    String line() {
        StringBuilder line = new StringBuilder(name == null || name.isBlank() ? email : name);
        String about = java.util.stream.Stream.of(role, company).filter(s -> s != null && !s.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
        if (!about.isEmpty()) {
            line.append(" (").append(about).append(')');
        }
        if (name != null && !name.isBlank()) {
            line.append(" <").append(email).append('>');
        }
        return line.append(": ").append(part.label()).toString();
    }
}
