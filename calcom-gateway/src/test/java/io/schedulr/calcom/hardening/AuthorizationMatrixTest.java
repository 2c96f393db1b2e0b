package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * Every authenticated route of calcom-gateway × every kind of caller, as in docs/security.md. Its only one so far is
 * {@code GET /api/whoami}: every bad token 401, every signed-in person (an admin too) 200. There are no rooms here yet,
 * so host, guest and third party are alike.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Person { HOST, GUEST, THIRD, ADMIN }

    @ParameterizedTest(name = "who am I with {0}")
    @EnumSource(Tokens.Refused.class)
    void everyRefusedTokenIs401(Tokens.Refused kind) {
        RequestSpecification request = given();
        String token = kind.token();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Response response = request.get("/api/whoami");

        assertThat(response.asString(), response.statusCode(), equalTo(401));
        assertThat(response.jsonPath().getString("code"), equalTo("unauthorized"));
    }

    @ParameterizedTest(name = "who am I as {0}")
    @EnumSource(Person.class)
    void everySignedInPersonIsAnswered(Person person) {
        var user = person == Person.ADMIN ? Tokens.newUserWithRoles("Matrix Admin", "UTC", "admin")
                : Tokens.newUser("Matrix " + person, "UTC");
        Response response = given().header("Authorization", user.bearer()).get("/api/whoami");

        assertThat(response.asString(), response.statusCode(), equalTo(200));
        assertThat(response.jsonPath().getString("id"), equalTo(user.id()));
        assertThat(response.jsonPath().getString("email"), not(emptyOrNullString()));
    }
}
