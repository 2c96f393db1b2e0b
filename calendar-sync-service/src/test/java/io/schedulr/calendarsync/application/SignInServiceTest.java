package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.in.SignInUseCase.SignedIn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInServiceTest {
    private final FakeGoogle google = new FakeGoogle();
    private final SignInService service = new SignInService(google, List.of("http://localhost:8080/", "https://app.example/"));

    @Test
    void aRegisteredPageGetsGooglesSignInUrlAndTheIdTokenForItsCode() {
        assertThat(service.signInUrl("https://app.example/", "state-0123456789abcdef", "challenge", null))
                .contains("redirect_uri=https://app.example/", "state=state-0123456789abcdef", "code_challenge=challenge");

        SignedIn signedIn = service.signIn("code-1", "verifier", "http://localhost:8080/");

        assertThat(signedIn.idToken()).isEqualTo("id-token-for-code-1");
        assertThat(signedIn.email()).isEqualTo("ada@example.com");
        assertThat(google.signIns).containsExactly(List.of("code-1", "verifier", "http://localhost:8080/"));
    }

    @Test
    void anyOtherPageIsRefusedBeforeGoogleIsAsked() {
        assertThatThrownBy(() -> service.signInUrl("https://evil.example/", "state-0123456789abcdef", "challenge", "ada@example.com"))
                .isInstanceOfSatisfying(ConnectionRefusedException.class, e -> assertThat(e.problem()).isEqualTo(Problem.REDIRECT_NOT_ALLOWED));
        assertThatThrownBy(() -> service.signIn("code-1", "verifier", "http://localhost:8080/other"))
                .isInstanceOf(ConnectionRefusedException.class);
        assertThat(google.signIns).isEmpty();
    }
}
