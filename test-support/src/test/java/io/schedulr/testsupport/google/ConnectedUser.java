package io.schedulr.testsupport.google;

import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.UserCredentials;

import java.net.URI;
import java.util.Date;
import java.util.UUID;

/** A person who went through consent, with the official Calendar client built the way an application would. */
record ConnectedUser(String email, GoogleTokenResponse tokens, UserCredentials credentials, Calendar calendar) {
    static final NetHttpTransport TRANSPORT = new NetHttpTransport();
    static final GsonFactory JSON = GsonFactory.getDefaultInstance();

    static ConnectedUser connect(LocalGoogle google) throws Exception {
        return connect(google, "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    static ConnectedUser connect(LocalGoogle google, String email) throws Exception {
        Consent consent = new Consent(google, email);
        String code = consent.redirectParams(google).get("code");
        GoogleTokenResponse tokens = new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, google.url() + "/token",
                google.client().id(), google.client().secret(), code, Consent.REDIRECT_URI)
                .set("code_verifier", consent.verifier).execute();
        UserCredentials credentials = credentials(google, tokens.getRefreshToken(),
                new AccessToken(tokens.getAccessToken(), new Date(System.currentTimeMillis() + 3_000_000)));
        Calendar calendar = calendar(google, credentials);
        return new ConnectedUser(email, tokens, credentials, calendar);
    }

    /** The Calendar client of an application holding only a refresh token: its first call gets an access token. */
    static Calendar withRefreshToken(LocalGoogle google, String refreshToken) {
        return calendar(google, credentials(google, refreshToken, null));
    }

    private static UserCredentials credentials(LocalGoogle google, String refreshToken, AccessToken accessToken) {
        return UserCredentials.newBuilder()
                .setClientId(google.client().id())
                .setClientSecret(google.client().secret())
                .setRefreshToken(refreshToken)
                .setAccessToken(accessToken)
                .setTokenServerUri(URI.create(google.url() + "/token"))
                .build();
    }

    private static Calendar calendar(LocalGoogle google, UserCredentials credentials) {
        return new Calendar.Builder(TRANSPORT, JSON, new HttpCredentialsAdapter(credentials))
                .setRootUrl(google.url() + "/")
                .setApplicationName("schedulr-contract-test")
                .build();
    }
}
