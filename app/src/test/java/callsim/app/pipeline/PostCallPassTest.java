package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.report.ReportStore;
import callsim.core.SoundsLike;
import callsim.review.report.DrillReport;
import callsim.speech.PostCallRecognizer;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSettings;
import callsim.speech.RecognizerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-call pass with the real recogniser on short drills whose agent turns are flite speech: the score comes
 * from what the recording says, the report keeps what the caller heard, and the live recognisers are left alone.
 */
class PostCallPassTest {
    private static final FliteAgentDrill.Line GARBLED_APOLOGY =
            new FliteAgentDrill.Line("I am so sorry you were charged twice", "i am with our you were charged line");
    private static final FliteAgentDrill.Line ACCOUNT =
            new FliteAgentDrill.Line("can I have your account number please", "can I have your account number please");

    private static PostCallRecognizer recognizer;

    @TempDir
    Path data;
    @TempDir
    Path work;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(FliteAgentDrill.available(), "flite and sox are needed to speak the agent's turns");
        // As serve builds it: the agents' corpus plus every scenario's phrasing, with the accurate set-up.
        recognizer = new PostCallRecognizer(RecognizerSettings.defaults().withPoolSize(1).withSetup(RecognizerSetup.ACCURATE)
                .withExtraSentences(FliteAgentDrill.LIBRARY.all().stream().flatMap(s -> s.agentPhrases().stream()).toList()));
    }

    @AfterAll
    static void close() {
        if (recognizer != null) recognizer.close();
    }

    /** The drills were played as VirtualCalls, whose cues match on spelling: they are rescored the same way. */
    private PostCallPass pass(ReportStore store) {
        return new PostCallPass(store, FliteAgentDrill.LIBRARY, recognizer, SoundsLike.off(), () -> false);
    }

    private static DrillReport.Technique technique(DrillReport report, String id) {
        return report.score().techniques().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aGarbledLiveApologyIsCreditedFromTheRecordingAndWhatTheCallerHeardIsKept() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "garbled", List.of(GARBLED_APOLOGY, ACCOUNT), work);
        DrillReport live = store.report("garbled").orElseThrow();

        pass(store).rescore("garbled");

        DrillReport post = store.report("garbled").orElseThrow();
        assertThat(live.scoreProvisional()).isTrue();
        assertThat(post.postCall().status()).isEqualTo(DrillReport.PostCall.Status.DONE);
        assertThat(post.scoreProvisional()).isFalse();
        DrillReport.Turn apology = post.transcript().stream().filter(DrillReport.Turn::agent).findFirst().orElseThrow();
        assertThat(apology.text()).contains("sorry").contains("charged twice");
        assertThat(apology.heard()).isEqualTo(GARBLED_APOLOGY.heard());
        assertThat(technique(live, "T5").evidence()).noneMatch(e -> e.kind().equals("specific-apology"));
        assertThat(technique(post, "T5").evidence()).anyMatch(e -> e.kind().equals("specific-apology"));
        assertThat(technique(post, "T5").score()).isGreaterThan(technique(live, "T5").score());
        assertThat(post.postCall().liveScore().total()).isEqualTo(live.score().total());
        assertThat(post.anger()).isEqualTo(live.anger());
        assertThat(post.outcome()).isEqualTo(live.outcome());
    }

    @Test
    void theSameRecordingRescoredTwiceGivesTheSameTranscriptAndScore() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "first", List.of(GARBLED_APOLOGY, ACCOUNT), work);
        FliteAgentDrill.write(data.resolve("drills"), "replay", List.of(GARBLED_APOLOGY, ACCOUNT), work);
        PostCallPass pass = pass(store);

        pass.rescore("first");
        pass.rescore("replay");

        DrillReport first = store.report("first").orElseThrow();
        DrillReport replay = store.report("replay").orElseThrow();
        assertThat(replay.transcript()).isEqualTo(first.transcript());
        assertThat(replay.score()).isEqualTo(first.score());
        assertThat(replay.metrics()).isEqualTo(first.metrics());
    }

    @Test
    void theLivePoolIsUntouchedWhileThePassRuns() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "busy", List.of(GARBLED_APOLOGY, ACCOUNT), work);
        try (RecognizerPool live = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1));
             PostCallPass pass = new PostCallPass(store, FliteAgentDrill.LIBRARY, recognizer, SoundsLike.off(),
                     () -> live.available() < live.size())) {
            int loads = live.modelLoads();
            BlockingQueue<String> rewritten = new ArrayBlockingQueue<>(1);
            pass.onReportRewritten(rewritten::add);
            List<Integer> freeWhileRunning = new ArrayList<>();

            pass.submit("busy", PostCallPass.JournalWritten.ALREADY);
            String done = null;
            while (done == null) {
                freeWhileRunning.add(live.available());
                done = rewritten.poll(50, TimeUnit.MILLISECONDS);
            }

            assertThat(done).isEqualTo("busy");
            assertThat(store.report("busy").orElseThrow().postCall().status()).isEqualTo(DrillReport.PostCall.Status.DONE);
            assertThat(freeWhileRunning).hasSizeGreaterThan(5).containsOnly(live.size());
            assertThat(live.modelLoads()).isEqualTo(loads);
            assertThat(live.waitingTurns()).isZero();
        }
    }

    @Test
    void aPassThatFailsKeepsTheLiveScoreAndSaysWhy() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "lost", List.of(ACCOUNT), work);
        Files.delete(store.drillDir("lost").resolve("recording.wav"));
        DrillReport live = store.report("lost").orElseThrow();
        try (PostCallPass pass = pass(store)) {
            BlockingQueue<String> rewritten = new ArrayBlockingQueue<>(1);
            pass.onReportRewritten(rewritten::add);

            pass.submit("lost", PostCallPass.JournalWritten.ALREADY);

            assertThat(rewritten.poll(30, TimeUnit.SECONDS)).isEqualTo("lost");
        }
        DrillReport after = store.report("lost").orElseThrow();
        assertThat(after.postCall().status()).isEqualTo(DrillReport.PostCall.Status.FAILED);
        assertThat(after.postCall().reason()).contains("recording.wav");
        assertThat(after.score()).isEqualTo(live.score());
        assertThat(after.transcript()).isEqualTo(live.transcript());
    }

    @Test
    void aDrillWhoseEventsNoLongerReplayToItsLiveScoreIsNotRescored() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "gappy", List.of(GARBLED_APOLOGY, ACCOUNT), work);
        Path events = store.drillDir("gappy").resolve("events.jsonl");
        Files.write(events, Files.readAllLines(events).stream().filter(line -> !line.contains("\"type\":\"AgentTurn\"")).toList());
        DrillReport live = store.report("gappy").orElseThrow();
        try (PostCallPass pass = pass(store)) {
            BlockingQueue<String> rewritten = new ArrayBlockingQueue<>(1);
            pass.onReportRewritten(rewritten::add);

            pass.submit("gappy", PostCallPass.JournalWritten.ALREADY);

            assertThat(rewritten.poll(30, TimeUnit.SECONDS)).isEqualTo("gappy");
        }
        DrillReport after = store.report("gappy").orElseThrow();
        assertThat(after.postCall().status()).isEqualTo(DrillReport.PostCall.Status.FAILED);
        assertThat(after.postCall().reason()).contains("does not replay");
        assertThat(after.score()).isEqualTo(live.score());
    }

    @Test
    void drillsStillWaitingAtAStartAreQueuedAgainAndFinishedOnesAreNot() throws Exception {
        ReportStore store = new ReportStore(data);
        FliteAgentDrill.write(data.resolve("drills"), "waiting", List.of(ACCOUNT), work);
        FliteAgentDrill.write(data.resolve("drills"), "finished", List.of(ACCOUNT), work);
        Files.delete(store.drillDir("waiting").resolve("recording.wav"));  // fails fast: no recogniser needed
        DrillReport finished = store.report("finished").orElseThrow();
        callsim.app.report.FileDrillJournal.writeReport(store.drillDir("finished"),
                finished.withPostCall(DrillReport.PostCall.done(finished.score())));
        try (PostCallPass pass = pass(store)) {
            BlockingQueue<String> rewritten = new ArrayBlockingQueue<>(2);
            pass.onReportRewritten(rewritten::add);

            assertThat(pass.resumePending()).isEqualTo(1);

            assertThat(rewritten.poll(30, TimeUnit.SECONDS)).isEqualTo("waiting");
        }
        assertThat(store.report("waiting").orElseThrow().postCall().status()).isNotEqualTo(DrillReport.PostCall.Status.PENDING);
    }
}
