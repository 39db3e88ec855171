package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.review.store.DrillCopier.Liveness;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal replicator and its per-drill copy, against whichever database the subclass opens. */
abstract class JournalReplicatorContract extends StoreTestBase {
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    static final JournalReplicator.Settings FAST = new JournalReplicator.Settings(Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofMillis(100), Duration.ofSeconds(1));
    JournalReplicator replicator;

    @AfterEach
    void stopReplicator() {
        if (replicator != null) replicator.close();
    }

    DrillCopier copier() {
        return new DrillCopier(db.dataSource(), data.resolve("drills"), Clock.systemUTC());
    }

    void runningReport(String id) throws Exception {
        DrillFiles.report(data, id, "PJSIP/201", "double-charge", Difficulty.NORMAL, START, false, Outcome.IN_PROGRESS, 40);
    }

    List<String> fileLines(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
    }

    byte[] filePcm(Path dir) throws Exception {
        byte[] file = Files.readAllBytes(dir.resolve("recording.wav"));
        return Arrays.copyOfRange(file, 44, file.length);
    }

    @Test
    void copiesOnlyWhatIsNewAndNothingTwice() throws Exception {
        runningReport("a");
        DrillFiles.append(data, "a", DrillFiles.event("CallConnected", 0) + "\n" + DrillFiles.event("Tick", 100) + "\n"
                + DrillFiles.event("Tick", 200) + "\n");
        DrillFiles.appendPcm(data, "a", DrillFiles.pcm(1000, 1));
        DrillCopier copier = copier();
        DrillCopier.Result first = copier.copy("a", Liveness.ACTIVE);
        assertThat(first.events()).isEqualTo(3);
        assertThat(first.status()).isEqualTo(DrillStatus.RUNNING);
        assertThat(status("a")).isEqualTo("running");
        assertThat(audioBytes("a")).isEqualTo(1000);

        DrillFiles.append(data, "a", DrillFiles.event("Tick", 300) + "\n" + DrillFiles.event("Tick", 400) + "\n");
        DrillFiles.appendPcm(data, "a", DrillFiles.pcm(640, 2));
        assertThat(copier.copy("a", Liveness.ACTIVE).events()).isEqualTo(2);
        assertThat(copier.copy("a", Liveness.ACTIVE).events()).as("nothing new").isZero();
        assertThat(copier().copy("a", Liveness.ACTIVE).events()).as("a fresh copier goes by the stored cursors").isZero();

        assertThat(bodies("a")).isEqualTo(fileLines(data.resolve("drills/a")));
        assertThat(seqs("a")).containsExactly("0", "1", "2", "3", "4");
        assertThat(audioBytes("a")).isEqualTo(1640);
        assertThat(new JdbcDrillStore(db, Clock.systemUTC()).recordingWav("a").orElseThrow())
                .endsWith(filePcm(data.resolve("drills/a")));
    }

    @Test
    void aLongBacklogGoesInSeveralTransactionsAndACopyCutOffResumesWhereItStood() throws Exception {
        TestDrill drill = new TestDrill(data, "20260301-080000-0003", "PJSIP/203", START, "double-charge", Difficulty.NORMAL);
        for (int n = 0; n < 6; n++) drill.exchange(n, 30);
        drill.finish(Outcome.RESOLVED, 90);
        // 4 lines and 8 KB per transaction, and the connection is lost at the third commit.
        DrillCopier cutOff = new DrillCopier(FailingCommits.after(db.dataSource(), 2), data.resolve("drills"), Clock.systemUTC(), 4, 8192);
        assertThatThrownBy(() -> cutOff.copy(drill.id(), Liveness.ENDED)).isInstanceOf(java.sql.SQLTransientConnectionException.class);
        assertThat(eventsSynced(drill.id())).isEqualTo(8).isEqualTo(bodies(drill.id()).size());
        assertThat(audioBytes(drill.id())).isEqualTo(2 * 8192);
        assertThat(status(drill.id())).as("not complete while its data is not all in").isEqualTo("running");

        DrillCopier.Result rest = new DrillCopier(db.dataSource(), data.resolve("drills"), Clock.systemUTC(), 4, 8192)
                .copy(drill.id(), Liveness.ENDED);
        assertThat(rest.events()).isEqualTo(drill.lines() - 8);
        assertThat(status(drill.id())).isEqualTo("complete");
        assertThat(bodies(drill.id())).isEqualTo(fileLines(drill.dir()));
        assertThat(audioChunks(drill.id())).isGreaterThan(2);
        assertThat(new JdbcDrillStore(db, Clock.systemUTC()).recordingWav(drill.id()).orElseThrow())
                .hasSize(44 + (int) drill.pcmBytes()).endsWith(filePcm(drill.dir()));
    }

    @Test
    void leavesALineStillBeingWrittenForTheNextPass() throws Exception {
        runningReport("b");
        DrillFiles.append(data, "b", DrillFiles.event("Tick", 100) + "\n{\"atMs\":200,\"ty");
        DrillFiles.appendPcm(data, "b", DrillFiles.pcm(1002, 3));  // half a stereo frame at the end
        DrillCopier copier = copier();
        assertThat(copier.copy("b", Liveness.ACTIVE).events()).isEqualTo(1);
        assertThat(eventsSynced("b")).isEqualTo(1);
        assertThat(audioBytes("b")).as("whole frames only").isEqualTo(1000);

        DrillFiles.append(data, "b", "pe\":\"Tick\"}\n");
        DrillFiles.appendPcm(data, "b", DrillFiles.pcm(2, 4));
        assertThat(copier.copy("b", Liveness.ACTIVE).events()).isEqualTo(1);
        assertThat(bodies("b")).containsExactly(DrillFiles.event("Tick", 100), "{\"atMs\":200,\"type\":\"Tick\"}");
        assertThat(audioBytes("b")).isEqualTo(1004);
    }

    @Test
    void skipsACorruptLineWithAWarningAndCarriesOn() throws Exception {
        runningReport("c");
        DrillFiles.append(data, "c", DrillFiles.event("Tick", 100) + "\n" + "garbage{\n" + DrillFiles.event("Tick", 300) + "\n"
                + "{\"atMs\":400}\n");
        try (CapturedLog log = new CapturedLog(DrillCopier.class)) {
            copier().copy("c", Liveness.ACTIVE);
            assertThat(log.messages(Level.WARNING)).hasSize(2);
            assertThat(log.messages(Level.WARNING).get(0)).contains("events.jsonl:2").contains("garbage{");
            assertThat(log.messages(Level.WARNING).get(1)).contains("events.jsonl:4");
        }
        assertThat(seqs("c")).containsExactly("0", "2");
        assertThat(eventsSynced("c")).as("past the bad lines: they are not tried again").isEqualTo(4);
        DrillFiles.append(data, "c", DrillFiles.event("Tick", 500) + "\n");
        copier().copy("c", Liveness.ACTIVE);
        assertThat(seqs("c")).containsExactly("0", "2", "4");
    }

    @Test
    void copiesARunningDrillAsItRunsAndMarksItCompleteWhenItEnds() throws Exception {
        replicator = JournalReplicator.start(db, data, Clock.systemUTC(), FAST);
        TestDrill drill = new TestDrill(data, "20260301-080000-0001", "Alice Smith <201>", START, "double-charge", Difficulty.HARD);
        replicator.drillStarted(drill.id());
        drill.exchange(0, 50).exchange(1, 50);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(bodies(drill.id())).hasSize(drill.lines());
            assertThat(status(drill.id())).isEqualTo("running");
        });
        drill.exchange(2, 50);
        drill.finish(Outcome.RESOLVED, 85);
        replicator.drillFinished(drill.id());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(drill.id())).isEqualTo("complete"));
        assertThat(bodies(drill.id())).isEqualTo(fileLines(drill.dir()));
        assertThat(audioBytes(drill.id())).isEqualTo(drill.pcmBytes());
        DrillRow row = new JdbcDrillStore(db, Clock.systemUTC()).row(drill.id()).orElseThrow();
        assertThat(row.agentKey()).contains("201");
        assertThat(row.outcome()).contains("resolved");
        assertThat(row.scoreTotal()).contains(85);
        await().atMost(Duration.ofSeconds(10)).until(replicator::idle);
    }

    @Test
    void atStartUpCopiesWhatIsMissingAndMarksCutOffDrillsPartial() throws Exception {
        DrillFiles.report(data, "done", "PJSIP/201", "double-charge", Difficulty.NORMAL, START, true, Outcome.RESOLVED, 90);
        DrillFiles.append(data, "done", DrillFiles.event("CallConnected", 0) + "\n" + DrillFiles.event("AgentHungUp", 900) + "\n");
        runningReport("crashed");
        DrillFiles.append(data, "crashed", DrillFiles.event("CallConnected", 0) + "\n" + DrillFiles.event("Tick", 100) + "\n{\"at");
        DrillFiles.append(data, "no-report-yet", DrillFiles.event("CallConnected", 0) + "\n");

        replicator = JournalReplicator.start(db, data, Clock.systemUTC(), FAST);
        await().atMost(Duration.ofSeconds(20)).until(replicator::idle);
        assertThat(status("done")).isEqualTo("complete");
        assertThat(bodies("done")).hasSize(2);
        assertThat(status("crashed")).isEqualTo("partial");
        assertThat(bodies("crashed")).hasSize(2);
        assertThat(status("no-report-yet")).as("a drill row needs the report's who and what").isNull();
    }

    @Test
    void aNewReplicatorCarriesOnFromTheCursors() throws Exception {
        replicator = JournalReplicator.start(db, data, Clock.systemUTC(), FAST);
        TestDrill drill = new TestDrill(data, "20260301-080000-0002", "PJSIP/202", START, "late-delivery", Difficulty.EASY);
        replicator.drillStarted(drill.id());
        drill.exchange(0, 40).exchange(1, 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bodies(drill.id())).hasSize(drill.lines()));
        replicator.close();  // the process stops mid-drill: cut off, partial
        replicator = null;
        assertThat(status(drill.id())).isEqualTo("partial");
        db.close();

        drill.exchange(2, 40).exchange(3, 40);  // the journal outlived the copy (files keep what the database missed)
        drill.finish(Outcome.ESCALATED, 55);
        db = open(data);
        replicator = JournalReplicator.start(db, data, Clock.systemUTC(), FAST);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(drill.id())).isEqualTo("complete"));
        assertThat(bodies(drill.id())).isEqualTo(fileLines(drill.dir()));
        assertThat(seqs(drill.id())).containsExactlyElementsOf(IntStream.range(0, drill.lines()).mapToObj(String::valueOf).toList());
        assertThat(new JdbcDrillStore(db, Clock.systemUTC()).recordingWav(drill.id()).orElseThrow())
                .hasSize(44 + (int) drill.pcmBytes()).endsWith(filePcm(drill.dir()));
    }

    @Test
    void aDrillWhoseFinalReportNeverComesEndsPartial() throws Exception {
        replicator = JournalReplicator.start(db, data, Clock.systemUTC(), FAST);
        replicator.drillStarted("lost");
        runningReport("lost");
        DrillFiles.append(data, "lost", DrillFiles.event("CallConnected", 0) + "\n");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("lost")).isEqualTo("running"));
        replicator.drillFinished("lost");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status("lost")).isEqualTo("partial"));
        await().atMost(Duration.ofSeconds(10)).until(replicator::idle);
    }
}
