package io.schedulr.testsupport;

import io.schedulr.testsupport.infra.InfraEndpoints;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInfraTest {

    private final InfraEndpoints infra = TestInfra.get();

    @Test
    void postgresHasEveryServiceDatabaseAndBtreeGist() throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("scheduling"), infra.postgresUser(), infra.postgresPassword())) {
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname IN "
                    + "('scheduling','notification','calendar_sync','calcom_gateway')");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void theTlsOnlyRoleConnectsOverVerifiedTlsAndIsRefusedWithout() throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcTlsUrl("scheduling"), infra.postgresTlsUser(), infra.postgresTlsPassword())) {
            ResultSet rs = c.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(infra.jdbcUrl("scheduling") + "?sslmode=disable",
                infra.postgresTlsUser(), infra.postgresTlsPassword()).close())
                .hasMessageContaining("no encryption");
        assertThatThrownBy(() -> DriverManager.getConnection(infra.jdbcTlsUrl("scheduling"), infra.postgresTlsUser(), "wrong").close())
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void kafkaOffersSaslScramOnASecondListener() throws Exception {
        String topic = "test-support-scram-probe";
        Map<String, String> scram = infra.kafkaScramClientProperties();
        try (TopicProbe probe = TopicProbe.fromNow(topic, scram); KafkaProducer<String, String> producer = producer(scram)) {
            producer.send(new ProducerRecord<>(topic, "k", "over scram")).get();
            assertThat(probe.await(r -> r.value().equals("over scram"), 1, Duration.ofSeconds(30))).hasSize(1);
        }
        Map<String, String> wrongPassword = new HashMap<>(scram);
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + infra.kafkaScramUser() + "\" password=\"wrong\";");
        try (KafkaProducer<String, String> producer = producer(wrongPassword)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "refused")).get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void kafkaDeliversRecordsAndSurvivesARestart() throws Exception {
        String topic = "test-support-probe";
        try (TopicProbe probe = TopicProbe.fromNow(topic); KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get();
            assertThat(probe.await(r -> r.value().equals("before"), 1, Duration.ofSeconds(30))).hasSize(1);

            InfraControl.stopKafka();
            InfraControl.startKafka();

            producer.send(new ProducerRecord<>(topic, "k", "after")).get();
            assertThat(probe.await(r -> r.value().equals("after"), 1, Duration.ofSeconds(60))).hasSize(1);
        }
    }

    @Test
    void smtpMailIsReadableOverImapAndSmtpCanBeTakenDown() throws Exception {
        send("one@example.com", "first");
        assertThat(Mailboxes.awaitInbox("one@example.com", 1, Duration.ofSeconds(10)))
                .extracting(MimeMessage::getSubject).containsExactly("first");

        InfraControl.stopSmtp();
        try {
            assertThatThrownBy(() -> send("one@example.com", "while down")).isInstanceOf(jakarta.mail.MessagingException.class);
        } finally {
            InfraControl.startSmtp();
        }
        send("one@example.com", "second");
        assertThat(Mailboxes.awaitInbox("one@example.com", 2, Duration.ofSeconds(10)))
                .extracting(MimeMessage::getSubject).containsExactly("first", "second");
    }

    @Test
    void issuerPublishesDiscoveryAndMintsTokensWithTheClaims() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String discovery = http.send(HttpRequest.newBuilder(URI.create(infra.issuerUrl() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(discovery).contains("\"issuer\":\"" + infra.issuerUrl() + "\"", "\"jwks_uri\"");

        TestUser alice = Tokens.user("alice@example.com", "Alice", "Europe/Berlin");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(alice.token().split("\\.")[1]));
        assertThat(payload).contains("\"email\":\"alice@example.com\"", "\"name\":\"Alice\"", "\"zoneinfo\":\"Europe/Berlin\"",
                "\"sub\":\"" + alice.id() + "\"");

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(infra.issuerUrl() + "/token"))
                .POST(HttpRequest.BodyPublishers.ofString("name=nobody")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private void send(String to, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(infra.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("test@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("hello");
        Transport.send(message);
    }

    private KafkaProducer<String, String> producer() {
        return producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    private KafkaProducer<String, String> producer(Map<String, String> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000));
        return new KafkaProducer<>(config);
    }
}
