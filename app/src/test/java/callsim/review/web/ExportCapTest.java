package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.store.DrillStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An export past the cap stops at 10,000 rows and says so in a header instead of silently truncating. */
class ExportCapTest {
    @Test
    void exportStopsAtTheCapAndSaysHowManyMatched() throws Exception {
        try (ReviewServer server = new ReviewServer()) {
            for (int i = 0; i < Drills.EXPORT_CAP; i++) {
                server.store.put(SampleDrills.row("bulk-" + i, "Dan <401>", "401", "bulk", "normal",
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), DrillStatus.COMPLETE, "resolved", 50), null, null);
            }
            WebClient client = server.client();
            HttpResponse<String> csv = client.get("/drills.csv", "Cookie", client.login("ada", "pw-ada").cookie());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body().split("\r\n")).hasSize(1 + Drills.EXPORT_CAP);
            assertThat(csv.headers().firstValue("X-Total-Count")).contains(String.valueOf(Drills.EXPORT_CAP + 5));
            assertThat(csv.headers().firstValue("X-Export-Truncated")).contains("first 10000 of 10005");
        }
    }
}
