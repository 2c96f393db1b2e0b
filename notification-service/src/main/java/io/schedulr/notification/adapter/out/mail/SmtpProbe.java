package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.application.port.out.MailServerProbePort;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the SMTP server answers: a connection that greets with {@code 220} (with implicit TLS, an open connection).
 * Sends nothing. When the dispatcher's probe succeeds the circuit breaker of {@link SmtpTransport} is closed at once,
 * so a backlog goes out at full speed instead of through the breaker's half-open trickle.
 */
@ApplicationScoped
public class SmtpProbe implements MailServerProbePort {
    private static final int TIMEOUT_MILLIS = 2000;

    private final String host;
    private final int port;
    private final boolean implicitTls;
    private final CircuitBreakerMaintenance breakers;

    public SmtpProbe(@ConfigProperty(name = "quarkus.mailer.host") String host, @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
                     @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls, CircuitBreakerMaintenance breakers) {
        this.host = host;
        this.implicitTls = tls.orElse(false);
        this.port = port.orElse(implicitTls ? 465 : 25);
        this.breakers = breakers;
    }

    @Override
    public Uni<Boolean> answers() {
        return reachable().invoke(up -> {
            if (up) {
                breakers.reset(SmtpTransport.BREAKER);
            }
        });
    }

    /** The same question without touching the breaker, asked off the event loop. */
    Uni<Boolean> reachable() {
        return Uni.createFrom().item(this::greets).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private boolean greets() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            if (implicitTls) {
                return true;
            }
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return greeting != null && greeting.startsWith("220");
        } catch (IOException e) {
            return false;
        }
    }
}
