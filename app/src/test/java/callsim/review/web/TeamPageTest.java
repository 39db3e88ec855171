package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The team page: pass rate, weakest techniques, most-failed scenarios and one row per agent, for the supervisor's team only. */
class TeamPageTest {
    private final ReviewServer server;
    private final WebClient client;

    TeamPageTest() throws Exception {
        server = new ReviewServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aSupervisorSeesTheirTeamsPassRateWeakSpotsAndAgents() throws Exception {
        Document doc = Jsoup.parse(client.get("/team", "Cookie", client.login("sue", "pw-sue").cookie()).body());
        // North: alice 64 and 35 (failed), bob 80 (passed); the running drill and carol (south) do not count.
        assertThat(doc.select("#team-summary").text()).contains("over the last 3 finished drills");
        assertThat(doc.select("#pass-rate").text()).isEqualTo("33 %");
        assertThat(doc.select("#weakest tbody tr").first().text()).startsWith("T2 Don't interrupt 40.0");
        assertThat(doc.select("#most-failed tbody tr").eachText())
                .containsExactly("Charged twice for one order 1 2", "The parcel never came 1 1");
        assertThat(doc.select("#team-agents tbody tr .agent").eachText()).containsExactly("Alice (201)", "Bob (202)");
        assertThat(doc.select("#team-agents tbody tr").first().select(".pass-rate").text()).isEqualTo("0 %");
        assertThat(doc.select("#team-agents tbody tr").first().select(".average").text()).isEqualTo("49.5");
    }

    @Test
    void agentsHaveNoTeamPage() throws Exception {
        assertThat(client.get("/team", "Cookie", client.login("alice", "pw-alice").cookie()).statusCode()).isEqualTo(404);
    }
}
