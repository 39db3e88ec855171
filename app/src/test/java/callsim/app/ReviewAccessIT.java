package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import callsim.app.report.ReportJson;
import callsim.review.store.DrillStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real drill, through the real server, seen through the review API with real accounts: the agent it
 * belongs to and their supervisor can read it; another agent cannot even learn that it exists.
 */
@ExtendWith(SharedCallsim.class)
class ReviewAccessIT {
    private static final String PASSWORD = "a long enough test password";

    @Test
    void anAgentSeesTheirOwnDrillAndNoOneElses(CallsimServer server) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String ownKey = "31" + (System.nanoTime() % 1000);
        String id = TrainingCallDriver.shortDrill(server, ownKey);

        JdbcAuthenticator auth = new JdbcAuthenticator(server.database().dataSource(), Clock.systemUTC());
        JdbcAccounts accounts = auth.accounts();
        String team = "team-" + run;
        User owner = accounts.create("agent-" + run, "Owner", Role.AGENT, Optional.of(team), Optional.of(ownKey), PASSWORD.toCharArray());
        User other = accounts.create("other-" + run, "Other", Role.AGENT, Optional.of("elsewhere-" + run),
                Optional.of("9" + ownKey), PASSWORD.toCharArray());
        User supervisor = accounts.create("super-" + run, "Supervisor", Role.SUPERVISOR, Optional.of(team), Optional.empty(),
                PASSWORD.toCharArray());

        await().atMost(Duration.ofSeconds(20)).until(() -> server.drillStore().row(id),
                r -> r.isPresent() && r.get().status() == DrillStatus.COMPLETE);
        String base = "http://127.0.0.1:" + server.httpPort();
        String ownerToken = auth.createApiToken(owner, "it");
        String otherToken = auth.createApiToken(other, "it");
        String supervisorToken = auth.createApiToken(supervisor, "it");

        HttpResponse<String> own = get(base + "/api/drills/" + id, ownerToken);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(ReportJson.MAPPER.readTree(own.body()).path("transcript"))
                .isEqualTo(callsim.review.report.ReportMapper.tree(server.drillStore().report(id).orElseThrow()).path("transcript"));
        assertThat(get(base + "/api/drills/" + id, supervisorToken).statusCode()).isEqualTo(200);

        assertThat(get(base + "/api/drills/" + id, otherToken).statusCode()).as("another agent's drill").isEqualTo(404);
        assertThat(get(base + "/api/drills/" + id + "/recording.wav", otherToken).statusCode()).isEqualTo(404);
        JsonNode othersList = ReportJson.MAPPER.readTree(get(base + "/api/drills?size=100", otherToken).body());
        assertThat(othersList.path("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(get(base + "/api/drills/" + id, null).statusCode()).as("no credentials").isEqualTo(401);
        assertThat(get(base + "/api/drills/" + id + "/recording.wav", ownerToken).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
