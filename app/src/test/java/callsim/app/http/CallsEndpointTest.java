package callsim.app.http;

import callsim.review.web.ControlToken;
import callsim.review.web.ReviewServer;
import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.asterisk.DrillBookings;
import callsim.app.asterisk.ManualTimer;
import callsim.app.asterisk.OutboundDrills;
import callsim.app.pipeline.DialPlan;
import callsim.app.report.ReportJson;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.telephony.asterisk.AmiUnavailableException;
import callsim.telephony.asterisk.OriginateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/calls} over real HTTP on loopback, with AMI replaced by a fake originator. */
class CallsEndpointTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dataDir;

    private final ScenarioLibrary library = ScenarioLibrary.builtIn();
    private final DialPlan plan = new DialPlan(library, library.get("double-charge"), Difficulty.NORMAL);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ManualTimer timer = new ManualTimer();
    private final List<OriginateRequest> sent = new CopyOnWriteArrayList<>();
    private volatile AmiUnavailableException amiDown;
    private final OutboundDrills outbound = new OutboundDrills(this::originate, new DrillBookings(clock, Duration.ofMinutes(2)),
            plan, () -> "10.0.0.2:9092", clock, timer.service());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ReviewServer api;
    private String token;

    private String originate(OriginateRequest request) throws AmiUnavailableException {
        if (amiDown != null) throw amiDown;
        sent.add(request);
        return "action-" + sent.size();
    }

    @BeforeEach
    void start() throws Exception {
        api = new ReviewServer(new CallsEndpoint(Optional.of(outbound)), ControlToken.load(dataDir));
        token = ControlToken.read(dataDir);
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/calls"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, "Bearer " + token);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/calls"))
                .timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ReportJson.MAPPER.readTree(response.body());
    }

    @Test
    void withoutTheControlTokenNothingRings() throws Exception {
        String body = "{\"agent\":\"PJSIP/201\"}";

        for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + token + "x", token, "Basic " + token}) {
            HttpResponse<String> response = post(body, authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.body()).contains("control token").doesNotContain(token);
        }
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(sent).isEmpty();
    }

    @Test
    void aPlacedCallIsAcceptedAndRingsTheAgent() throws Exception {
        HttpResponse<String> response = post("{\"agent\":\"PJSIP/201\",\"scenario\":\"warranty-refused\",\"difficulty\":\"hard\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode placed = json(response);
        assertThat(placed.path("state").asText()).isEqualTo("ringing");
        assertThat(placed.path("agent").asText()).isEqualTo("PJSIP/201");
        assertThat(placed.path("drill").asText()).isEqualTo("warranty-refused-hard");
        assertThat(placed.path("at").asText()).isEqualTo(NOW.toString());
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.channel()).isEqualTo("PJSIP/201");
            assertThat(request.data()).isEqualTo(placed.path("id").asText() + ",10.0.0.2:9092");
        });
    }

    @Test
    void aCallWithAnAtIsScheduled() throws Exception {
        HttpResponse<String> response = post("{\"agent\":\"PJSIP/202\",\"at\":\"2026-11-23T10:30:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode placed = json(response);
        assertThat(placed.path("state").asText()).isEqualTo("scheduled");
        assertThat(placed.path("at").asText()).isEqualTo("2026-11-23T10:30:00Z");
        assertThat(placed.path("drill").asText()).isEqualTo("double-charge-normal");
        assertThat(sent).isEmpty();
        assertThat(timer.tasks()).singleElement().satisfies(t -> assertThat(t.delayMillis()).isEqualTo(Duration.ofMinutes(90).toMillis()));
    }

    @Test
    void anUnknownScenarioIsABadRequestNamingTheKnownOnes() throws Exception {
        HttpResponse<String> response = post("{\"agent\":\"PJSIP/201\",\"scenario\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unknown scenario 'nope'").contains(String.join(", ", library.ids()));
        assertThat(sent).isEmpty();
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        assertBadRequest("{\"agent\":\"201\"}", "agent must be an Asterisk device like PJSIP/201, got '201'");
        assertBadRequest("{\"agent\":\"PJSIP/201,evil\"}", "agent must be an Asterisk device");
        assertBadRequest("{\"scenario\":\"double-charge\"}", "\"agent\" is required");
        assertBadRequest("", "\"agent\" is required");
        assertBadRequest("{agent", "body is not JSON");
        assertBadRequest("{\"agent\":\"PJSIP/201\",\"difficulty\":\"extreme\"}", "easy, normal or hard");
        assertBadRequest("{\"agent\":\"PJSIP/201\",\"at\":\"09:30\"}", "\"at\" must be an ISO-8601 instant");
        assertBadRequest("{\"agent\":\"PJSIP/201\",\"at\":\"2026-11-23T08:00:00Z\"}", "in the past");
        assertThat(sent).isEmpty();
        assertThat(outbound.attempts()).isEmpty();
    }

    private void assertBadRequest(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).contains(message);
    }

    @Test
    void whenAmiCannotPlaceTheCallTheServiceIsUnavailable() throws Exception {
        amiDown = new AmiUnavailableException("AMI not connected (reconnecting)");

        HttpResponse<String> response = post("{\"agent\":\"PJSIP/201\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("AMI not connected (reconnecting)");
        assertThat(json(get("Bearer " + token)).get(0).path("state").asText()).isEqualTo("failed");
    }

    @Test
    void aServerWithoutAmiSaysHowToTurnItOn() throws Exception {
        api.close();
        api = new ReviewServer(new CallsEndpoint(Optional.empty()), ControlToken.load(dataDir));

        HttpResponse<String> response = post("{\"agent\":\"PJSIP/201\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("--ami HOST:PORT");
        assertThat(get("Bearer " + token).statusCode()).isEqualTo(503);
    }

    @Test
    void getListsTheCallsNewestFirst() throws Exception {
        post("{\"agent\":\"PJSIP/201\"}");
        post("{\"agent\":\"PJSIP/202\",\"scenario\":\"parcel-missing\",\"at\":\"2026-11-23T12:00:00Z\"}");

        HttpResponse<String> response = get("Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode list = json(response);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("agent").asText()).isEqualTo("PJSIP/202");
        assertThat(list.get(0).path("state").asText()).isEqualTo("scheduled");
        assertThat(list.get(0).path("drill").asText()).isEqualTo("parcel-missing-normal");
        assertThat(list.get(1).path("agent").asText()).isEqualTo("PJSIP/201");
        assertThat(list.get(1).path("state").asText()).isEqualTo("ringing");
        assertThat(list.get(1).path("id").asText()).isNotBlank();
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpRequest delete = HttpRequest.newBuilder(URI.create(api.base() + "/api/calls"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).DELETE().build();

        assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
