package io.schedulr.testsupport.infra;

import java.util.Properties;

/** Where the running infrastructure answers. Passed between JVMs as properties. */
public record InfraEndpoints(
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        String kafkaBootstrapServers,
        int smtpPort,
        int imapPort,
        String issuerUrl,
        String controlUrl) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + postgresPort + "/" + database;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("postgres.port", String.valueOf(postgresPort));
        p.setProperty("postgres.user", postgresUser);
        p.setProperty("postgres.password", postgresPassword);
        p.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
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
                p.getProperty("kafka.bootstrap.servers"),
                Integer.parseInt(p.getProperty("smtp.port")),
                Integer.parseInt(p.getProperty("imap.port")),
                p.getProperty("issuer.url"),
                p.getProperty("control.url"));
    }
}
