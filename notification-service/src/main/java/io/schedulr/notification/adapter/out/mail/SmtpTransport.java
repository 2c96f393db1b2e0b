package io.schedulr.notification.adapter.out.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.schedulr.notification.application.port.out.MailServerUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.temporal.ChronoUnit;

/**
 * Hands a mail to the SMTP server with quarkus-mailer. Retries with exponential backoff; a circuit breaker stops
 * hammering a server that cannot be reached. Only unreachability opens the breaker: when a send fails, the server is
 * asked whether it answers at all, and if it does the failure is that message's own (a refused recipient, say) and
 * leaves everybody else's mail alone. (Values shortened in %test.)
 */
@ApplicationScoped
public class SmtpTransport {
    static final String BREAKER = "smtp";

    private final ReactiveMailer mailer;
    private final SmtpProbe probe;

    public SmtpTransport(ReactiveMailer mailer, SmtpProbe probe) {
        this.mailer = mailer;
        this.probe = probe;
    }

    @Retry(maxRetries = 3, delay = 500, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30000,
            failOn = {MailServerUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(BREAKER)
    @Timeout(30000)
    public Uni<Void> send(Mail mail) {
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .onFailure().recoverWithUni(error -> probe.reachable().flatMap(up -> Uni.createFrom().failure(up ? error
                        : new MailServerUnavailableException("the SMTP server does not answer: " + error.getMessage(), error))));
    }
}
