package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The replica survives its database going away: the drill directory keeps everything until it is back. */
@Timeout(240)
class PostgresOutageTest extends StoreTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPostgres pg;
    private final PostgresDatabase database = new PostgresDatabase(pg);
    private JournalReplicator replicator;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = LocalPostgres.create();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    @Override
    Database open(Path dataDir) throws Exception {
        return database.open(dataDir);
    }

    @AfterEach
    void stopReplicator() {
        if (replicator != null) replicator.close();
    }

    @Test
    @DisplayName("stops a real PostgreSQL mid-drill and checks every utterance arrives after it restarts")
    void stopsARealPostgresMidDrillAndEveryUtteranceArrivesAfterItRestarts() throws Exception {
        try (CapturedLog log = new CapturedLog(JournalReplicator.class)) {
            replicator = JournalReplicator.start(db, data);  // the production settings: 500 ms, back-off 0.5 s to 30 s
            TestDrill drill = new TestDrill(data, "20260301-090000-00ff", "Alice Smith <201>", Instant.parse("2026-03-01T09:00:00Z"),
                    "double-charge", Difficulty.HARD);
            replicator.drillStarted(drill.id());
            for (int n = 0; n < 5; n++) drill.exchange(n, 25);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bodies(drill.id())).hasSize(drill.lines()));

            int copiedBefore = drill.lines();
            pg.stop();
            // The caller keeps shouting while the database is away: a line after each of the replicator's retries.
            int n = 5;
            while (replicator.failedPasses() < 4) {
                int failed = replicator.failedPasses();
                drill.exchange(n++, 25);
                await().atMost(Duration.ofSeconds(60)).until(() -> replicator.failedPasses() > failed);
            }
            while (n < 25) drill.exchange(n++, 25);
            drill.finish(Outcome.RESOLVED, 77);
            replicator.drillFinished(drill.id());

            long restarted = System.nanoTime();
            pg.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(status(drill.id())).isEqualTo("complete");
                        assertThat(bodies(drill.id())).hasSize(drill.lines());
                    });
            long catchUpMs = (System.nanoTime() - restarted) / 1_000_000;
            System.out.printf("PostgresOutageTest: %d journal lines, %d KB of audio; all in the database %d ms after PostgreSQL restarted%n",
                    drill.lines(), drill.pcmBytes() / 1024, catchUpMs);

            List<String> lines = Files.readAllLines(drill.dir().resolve("events.jsonl"), StandardCharsets.UTF_8);
            assertThat(bodies(drill.id())).as("every journal line, once, in order").isEqualTo(lines);
            assertThat(spoken(bodies(drill.id()))).as("every utterance").isEqualTo(drill.callerLines()).hasSize(25);
            var report = new JdbcDrillStore(db, Clock.systemUTC()).report(drill.id()).orElseThrow();
            assertThat(report).isEqualTo(callsim.review.report.ReportMapper.read(drill.dir().resolve("report.json")));
            assertThat(report.complete()).isTrue();
            assertThat(report.transcript()).hasSize(50);
            byte[] file = Files.readAllBytes(drill.dir().resolve("recording.wav"));
            byte[] wav = new JdbcDrillStore(db, Clock.systemUTC()).recordingWav(drill.id()).orElseThrow();
            assertThat(Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(Arrays.copyOfRange(file, 44, file.length));

            assertThat(log.messages(Level.WARNING)).as("one warning for the whole outage").hasSize(1);
            assertThat(log.messages(Level.WARNING).get(0)).contains("unavailable").contains("kept on disk");
            int missed = drill.lines() - copiedBefore;
            await().atMost(Duration.ofSeconds(10)).until(() -> log.messages(Level.INFO).stream()
                    .anyMatch(m -> m.contains("caught up: " + missed + " events")));
        }
    }

    private static List<String> spoken(List<String> bodies) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String body : bodies) {
            JsonNode line = JSON.readTree(body);
            if (line.path("type").asText().equals("CallerSpeak")) texts.add(line.path("text").asText());
        }
        return texts;
    }
}
