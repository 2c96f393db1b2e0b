package io.schedulr.deploy;

import io.schedulr.testsupport.google.RegisteredClient;
import io.schedulr.testsupport.infra.InfraEndpoints;

import java.nio.file.Path;
import java.util.List;

/** What is where, printed once everything is ready. */
final class StackTable {
    private StackTable() {
    }

    static String render(List<ServiceSpec> services, InfraEndpoints infra, GoogleSettings google, CalcomSettingsOfStack calcom,
                         String tracesUrl, Path stateDir, Path logDir) {
        StringBuilder b = new StringBuilder();
        b.append("\nschedulr local stack is ready (state: ").append(stateDir).append(")\n\n");
        row(b, "SERVICE", "URL", "DATABASE (JDBC)");
        for (ServiceSpec s : services) {
            row(b, s.name(), s.url(), infra.jdbcUrl(s.database()));
        }
        b.append('\n');
        row(b, "INFRASTRUCTURE", "ADDRESS", "NOTES");
        row(b, "PostgreSQL", "localhost:" + infra.postgresPort(),
                "user " + infra.postgresUser() + ", password " + infra.postgresPassword());
        row(b, "Kafka", infra.kafkaBootstrapServers(), "bootstrap servers (KRaft, single node)");
        row(b, "SMTP", "localhost:" + infra.smtpPort(), "GreenMail, no auth");
        row(b, "IMAP", "localhost:" + infra.imapPort(), "read mail back: user = recipient address, password = same");
        row(b, "local Google", infra.issuerUrl(), "sign-in (POST /token: email, name, tz), OAuth 2.0, Calendar API v3, /_control");
        boolean development = RegisteredClient.DEVELOPMENT_SECRET.equals(google.client().secret());
        row(b, "OAuth client", google.client().id(), development
                ? "secret " + google.client().secret() + " (development pair; GOOGLE_CLIENT_ID/SECRET override)"
                : "secret from GOOGLE_CLIENT_SECRET (not printed)");
        row(b, "local Cal.com", calcom.calcomUrl(), calcom.described());
        row(b, "control", infra.controlUrl(), "POST /kafka/stop|start, /smtp/stop|start");
        row(b, "traces", tracesUrl, "every service's spans (OTLP/HTTP at POST /v1/traces); one trace: " + tracesUrl + "/{traceId}");
        row(b, "logs", logDir.toString(), "one file per service, infrastructure.log");
        String scheduling = services.get(0).url();
        b.append("\nOpen the web app: ").append(scheduling).append("/  (sign in with any address on the local Google's page)\n");
        b.append("\nTry it:\n")
                .append("  TOKEN=$(curl -s -X POST ").append(infra.issuerUrl())
                .append("/token -d email=alice@example.com -d name=Alice -d tz=Europe/Berlin")
                .append(" | sed -E 's/.*\"access_token\" *: *\"([^\"]+)\".*/\\1/')\n")
                .append("  curl -s -L -H \"Authorization: Bearer $TOKEN\" ").append(google.connectUrl()).append("   # connect your calendar\n")
                .append("  curl -i -H \"Authorization: Bearer $TOKEN\" ").append(scheduling).append("/api/whoami\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String address, String notes) {
        b.append(String.format("  %-23s %-30s %s%n", name, address, notes));
    }
}
