package callsim.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.http.ControlToken;
import callsim.app.http.HttpApi;
import callsim.app.report.ReportJson;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HttpApi with the review store: /health and /api/calls keep their handlers, the drills go through the web app. */
class HttpApiWiringTest {
    @TempDir
    Path dataDir;

    @Test
    void healthCallsAndTheReviewApiShareThePort() throws Exception {
        try (ReviewServer fixture = new ReviewServer();
             HttpApi api = HttpApi.start(new InetSocketAddress("127.0.0.1", 0), fixture.store, fixture.auth,
                     new RuleAccess(fixture.auth), fixture.clock, Optional.empty(), ControlToken.load(dataDir))) {
            WebClient client = new WebClient("http://127.0.0.1:" + api.port());
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
            assertThat(client.get("/health").body()).isEqualTo("ok\n");
            assertThat(client.get("/api/calls").statusCode()).as("the control-token endpoint, not the web app").isEqualTo(401);
            assertThat(client.get("/api/calls").body()).contains("control token");
            assertThat(client.get("/api/drills").statusCode()).isEqualTo(401);
            String token = fixture.auth.issueApiToken(fixture.bob);
            var list = ReportJson.MAPPER.readTree(client.get("/api/drills", "Authorization", "Bearer " + token).body());
            assertThat(list.path("total").asLong()).isEqualTo(1);
            assertThat(list.path("items").get(0).path("id").asText()).isEqualTo("d-bob-1");
            assertThat(client.get("/drills").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
        }
    }
}
