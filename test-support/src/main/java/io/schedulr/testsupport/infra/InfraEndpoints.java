package io.schedulr.testsupport.infra;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Where the running infrastructure answers. Passed between JVMs as properties.
 *
 * @param postgresTlsUser           a role that may connect only over TLS
 * @param postgresCaCertificate     PEM file of the certificate PostgreSQL presents (self-signed: trust it as the root)
 * @param kafkaSaslBootstrapServers the broker's SASL_PLAINTEXT listener, SCRAM-SHA-512 as {@code kafkaScramUser}
 */
public record InfraEndpoints(
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        String postgresTlsUser,
        String postgresTlsPassword,
        String postgresCaCertificate,
        String kafkaBootstrapServers,
        String kafkaSaslBootstrapServers,
        String kafkaScramUser,
        String kafkaScramPassword,
        int smtpPort,
        int imapPort,
        String issuerUrl,
        String controlUrl) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** TLS with the server's certificate and host name checked against the CA certificate. */
    public String jdbcTlsUrl(String database) {
        return jdbcUrl(database) + "?sslmode=verify-full&sslrootcert="
                + URLEncoder.encode(postgresCaCertificate, StandardCharsets.UTF_8);
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String kafkaScramJaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + kafkaScramUser
                + "\" password=\"" + kafkaScramPassword + "\";";
    }

    /** What a Kafka client needs to use the SASL/SCRAM listener (Kafka's own property names). */
    public Map<String, String> kafkaScramClientProperties() {
        return Map.of("bootstrap.servers", kafkaSaslBootstrapServers,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", KafkaBroker.SCRAM_MECHANISM,
                "sasl.jaas.config", kafkaScramJaasConfig());
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("postgres.port", String.valueOf(postgresPort));
        p.setProperty("postgres.user", postgresUser);
        p.setProperty("postgres.password", postgresPassword);
        p.setProperty("postgres.tls.user", postgresTlsUser);
        p.setProperty("postgres.tls.password", postgresTlsPassword);
        p.setProperty("postgres.ca.certificate", postgresCaCertificate);
        p.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
        p.setProperty("kafka.sasl.bootstrap.servers", kafkaSaslBootstrapServers);
        p.setProperty("kafka.scram.user", kafkaScramUser);
        p.setProperty("kafka.scram.password", kafkaScramPassword);
        p.setProperty("smtp.port", String.valueOf(smtpPort));
        p.setProperty("imap.port", String.valueOf(imapPort));
        p.setProperty("issuer.url", issuerUrl);
        p.setProperty("control.url", controlUrl);
        return p;
    }

    public static InfraEndpoints fromProperties(Properties p) {
        return new InfraEndpoints(
                Integer.parseInt(p.getProperty("postgres.port")),
                p.getProperty("postgres.user"),
                p.getProperty("postgres.password"),
                p.getProperty("postgres.tls.user"),
                p.getProperty("postgres.tls.password"),
                p.getProperty("postgres.ca.certificate"),
                p.getProperty("kafka.bootstrap.servers"),
                p.getProperty("kafka.sasl.bootstrap.servers"),
                p.getProperty("kafka.scram.user"),
                p.getProperty("kafka.scram.password"),
                Integer.parseInt(p.getProperty("smtp.port")),
                Integer.parseInt(p.getProperty("imap.port")),
                p.getProperty("issuer.url"),
                p.getProperty("control.url"));
    }
}
