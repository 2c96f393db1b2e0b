package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** Starts PostgreSQL, Kafka, SMTP+IMAP, the token issuer and the control endpoint in this JVM; stops them in reverse. */
public final class Infrastructure implements AutoCloseable {
    /** In a kept state folder: the local Google's people, grants, calendars, events and push channels. */
    public static final String GOOGLE_STATE_FILE = "google-state.json";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path stateDir;
    private final boolean temporaryState;
    private InfraEndpoints endpoints;
    private MailServer mail;

    private Infrastructure(Path stateDir, boolean temporaryState) {
        this.stateDir = stateDir;
        this.temporaryState = temporaryState;
    }

    public static Infrastructure start(InfraSettings settings) throws IOException {
        boolean temporary = settings.stateDir() == null;
        Path state = temporary ? Files.createTempDirectory("schedulr-infra") : settings.stateDir();
        Infrastructure infra = new Infrastructure(state, temporary);
        try {
            infra.startAll(settings);
        } catch (IOException | RuntimeException e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    public InfraEndpoints endpoints() {
        return endpoints;
    }

    /** What the SMTP server has stored so far (for benchmarks and checks that need millisecond receive times). */
    public List<MailReceipt> mailReceipts() {
        return mail.receipts();
    }

    private void startAll(InfraSettings s) throws IOException {
        // keytool runs while Kafka starts; PostgreSQL needs its certificate, so it comes second.
        Path postgresConf = stateDir.resolve("postgres-conf");
        SelfSignedCertificate.Pending certificate = SelfSignedCertificate.generate(postgresConf);

        KafkaBroker kafka = new KafkaBroker(stateDir.resolve("kafka"), InfraPorts.orFree(s.kafkaPort()), InfraPorts.free(),
                InfraPorts.orFree(s.kafkaControllerPort()));
        kafka.start();
        started.push(kafka);

        SelfSignedCertificate postgresCertificate = certificate.await();
        PostgresServer postgres = PostgresServer.start(stateDir.resolve("postgres"), postgresConf, postgresCertificate,
                InfraPorts.orFree(s.postgresPort()), s.throwaway(), s.databases());
        started.push(postgres);

        int smtpPort = InfraPorts.orFree(s.smtpPort());
        int imapPort = InfraPorts.orFree(s.imapPort());
        mail = MailServer.start(smtpPort, imapPort);
        started.push(mail);

        // The local Google mails attendees through this SMTP server, as Google does for sendUpdates=all.
        // A kept state folder (the local stack) keeps the local Google's people, grants and calendars too.
        TokenIssuer issuer = TokenIssuer.start(s.issuerPort(), smtpPort, temporaryState ? null : stateDir.resolve(GOOGLE_STATE_FILE));
        started.push(issuer);

        ControlServer control = ControlServer.start(s.controlPort(), kafka, mail);
        started.push(control);

        endpoints = new InfraEndpoints(postgres.port(), PostgresServer.USER, PostgresServer.PASSWORD,
                PostgresServer.TLS_USER, PostgresServer.TLS_PASSWORD, postgresCertificate.certificate().toAbsolutePath().toString(),
                kafka.bootstrapServers(), kafka.saslBootstrapServers(), KafkaBroker.SCRAM_USER, KafkaBroker.SCRAM_PASSWORD,
                smtpPort, imapPort, issuer.issuer(), "http://localhost:" + control.port());
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("stopping infrastructure: " + e);
            }
        }
        if (temporaryState) {
            deleteRecursively(stateDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort for a temporary folder
        }
    }
}
