package io.schedulr.calendarsync.connection;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import io.restassured.path.json.JsonPath;
import io.schedulr.calendarsync.LocalGoogleTestResource;
import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.config.TokenKeys;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;

import java.net.http.HttpResponse;

/**
 * A connected person's own Google Calendar API, as Google's own apps would use it: Google's official Calendar client with
 * an access token from the refresh token the service stored for them (opened with the test's token keys).
 */
public final class PersonsGoogleCalendar {
    private PersonsGoogleCalendar() {
    }

    public static Calendar of(TestUser person) {
        String sealed = ConnectionRows.connection(person.id()).get("google_refresh_token");
        if (sealed == null) {
            throw new AssertionError(person.email() + " has no stored grant");
        }
        String refreshToken = new AesGcmTokenVault(TokenKeys.parse(System.getProperty(LocalGoogleTestResource.KEYS_PROPERTY))).open(sealed);
        HttpResponse<String> refreshed = LocalGoogleAccount.refresh(refreshToken);
        if (refreshed.statusCode() != 200) {
            throw new AssertionError("refresh: " + refreshed.statusCode() + " " + refreshed.body());
        }
        String accessToken = JsonPath.from(refreshed.body()).getString("access_token");
        return new Calendar.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken))
                .setRootUrl(TestInfra.get().issuerUrl() + "/").setApplicationName("calendar-sync-test").build();
    }
}
