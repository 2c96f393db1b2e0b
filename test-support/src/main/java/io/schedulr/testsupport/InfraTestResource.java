package io.schedulr.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.testsupport.infra.InfraEndpoints;
import io.schedulr.testsupport.infra.TokenIssuer;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real infrastructure of this test JVM.
 * Init args: {@code database}, the service's own database; {@code mailer=true} to point quarkus-mailer at the SMTP server;
 * {@code secure=true} for verified TLS to PostgreSQL as a role that may only use TLS, and SASL/SCRAM to Kafka through a
 * listener that offers nothing else — set with the properties (and so the environment variables) an operator would use.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "postgres";
    private boolean mailer;
    private boolean secure;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        mailer = Boolean.parseBoolean(initArgs.getOrDefault("mailer", "false"));
        secure = Boolean.parseBoolean(initArgs.getOrDefault("secure", "false"));
    }

    @Override
    public Map<String, String> start() {
        InfraEndpoints e = TestInfra.get();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", e.reactiveUrl(database));
        if (secure) {
            config.putAll(secureConnections(e));
        } else {
            config.put("quarkus.datasource.username", e.postgresUser());
            config.put("quarkus.datasource.password", e.postgresPassword());
            config.put("quarkus.datasource.jdbc.url", e.jdbcUrl(database));
            config.put("kafka.bootstrap.servers", e.kafkaBootstrapServers());
        }
        if (mailer) {
            config.put("quarkus.mailer.host", "localhost");
            config.put("quarkus.mailer.port", String.valueOf(e.smtpPort()));
        }
        config.put("quarkus.oidc.auth-server-url", e.issuerUrl());
        config.put("quarkus.oidc.token.audience", TokenIssuer.AUDIENCE);
        return config;
    }

    private Map<String, String> secureConnections(InfraEndpoints e) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", e.postgresTlsUser());
        config.put("quarkus.datasource.password", e.postgresTlsPassword());
        config.put("quarkus.datasource.jdbc.url", e.jdbcTlsUrl(database));
        config.put("quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full");
        config.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        config.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
        config.put("quarkus.datasource.reactive.trust-certificate-pem.certs", e.postgresCaCertificate());
        e.kafkaScramClientProperties().forEach((name, value) -> config.put("kafka." + name, value));
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure belongs to the JVM, not to one application start
    }
}
