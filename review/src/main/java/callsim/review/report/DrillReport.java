package callsim.review.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A drill's report.json, typed: the pipeline writes it, and every reader (pages, text report, store,
 * exports, bench) reads it through {@link ReportMapper}, so a renamed field fails to compile instead of
 * blanking a page. The field names and order are the file format; drills written before this type
 * existed read unchanged (see ReportCompatibilityTest).
 *
 * @param endedAt null while the drill runs
 * @param postCall the post-call pass of a phone drill once the call ended; absent for text drills, running
 *                 drills and drills from before the pass existed
 */
@JsonPropertyOrder({"id", "scenario", "difficulty", "seed", "agent", "dialledNumber", "line", "startedAt", "endedAt", "complete",
    "durationMs", "outcome", "outcomeReason", "metrics", "score", "anger", "transcript", "recording", "postCall"})
public record DrillReport(String id, String scenario, String difficulty, long seed, String agent, String dialledNumber, String line,
                          Instant startedAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant endedAt, boolean complete,
                          long durationMs, String outcome, String outcomeReason, Metrics metrics, Score score,
                          List<AngerPoint> anger, List<Turn> transcript, String recording,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PostCall postCall) {
    public DrillReport {
        anger = anger == null ? List.of() : List.copyOf(anger);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        metrics = metrics == null ? Metrics.NONE : metrics;
        score = score == null ? Score.NONE : score;
    }

    /** A report without a post-call pass (a text drill, a drill still running). */
    public DrillReport(String id, String scenario, String difficulty, long seed, String agent, String dialledNumber, String line,
                       Instant startedAt, Instant endedAt, boolean complete, long durationMs, String outcome, String outcomeReason,
                       Metrics metrics, Score score, List<AngerPoint> anger, List<Turn> transcript, String recording) {
        this(id, scenario, difficulty, seed, agent, dialledNumber, line, startedAt, endedAt, complete, durationMs, outcome,
                outcomeReason, metrics, score, anger, transcript, recording, null);
    }

    /** The same report with its post-call pass in another state. */
    public DrillReport withPostCall(PostCall pass) {
        return new DrillReport(id, scenario, difficulty, seed, agent, dialledNumber, line, startedAt, endedAt, complete, durationMs,
                outcome, outcomeReason, metrics, score, anger, transcript, recording, pass);
    }

    /** Whether the score is provisional: taken from the live recognition while the post-call pass is still to come. */
    public boolean scoreProvisional() {
        return postCall != null && postCall.status() == PostCall.Status.PENDING;
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }

    /** The length the recording and the charts cover: the report's, or its last transcript or anger point if later. */
    public long timelineMs() {
        long d = durationMs;
        for (Turn t : transcript) d = Math.max(d, t.endMs());
        for (AngerPoint a : anger) d = Math.max(d, a.atMs());
        return Math.max(d, 1000);
    }

    public record AngerPoint(long atMs, int value) {}

    /**
     * One turn: {@code speaker} is "caller" or "agent". Once the post-call pass is done, an agent turn's
     * {@code text} is what the agent said (the post-call transcript) and {@code heard} what the caller heard live;
     * otherwise {@code heard} is absent and {@code text} is the live recognition.
     */
    @JsonPropertyOrder({"speaker", "startMs", "endMs", "text", "heard"})
    public record Turn(String speaker, long startMs, long endMs, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String heard) {
        /** The text of an agent turn in which no words were recognised. */
        public static final String NOT_RECOGNISED = "(not recognised)";

        public Turn(String speaker, long startMs, long endMs, String text) {
            this(speaker, startMs, endMs, text, null);
        }

        public boolean agent() {
            return "agent".equals(speaker);
        }
    }

    /**
     * After a phone drill, its agent's channel is decoded again with a wider search (the post-call pass) and
     * the score taken from that transcript. {@code liveScore}: the total and pass the live recognition gave, kept
     * beside the post-call score; {@code reason}: why a failed pass failed (the live score then stands).
     */
    @JsonPropertyOrder({"status", "reason", "liveScore"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostCall(Status status, String reason, LiveScore liveScore) {
        public enum Status {
            /** Waiting or running: the report's score is the live one, provisional. */
            @com.fasterxml.jackson.annotation.JsonProperty("pending") PENDING,
            /** The transcript's agent words and the score are the post-call ones. */
            @com.fasterxml.jackson.annotation.JsonProperty("done") DONE,
            /** The pass could not be made: the live score stands, {@code reason} says why. */
            @com.fasterxml.jackson.annotation.JsonProperty("failed") FAILED
        }

        public PostCall {
            java.util.Objects.requireNonNull(status, "status");
        }

        public static PostCall pending(Score live) {
            return new PostCall(Status.PENDING, null, LiveScore.of(live));
        }

        public static PostCall done(Score live) {
            return new PostCall(Status.DONE, null, LiveScore.of(live));
        }

        public static PostCall failed(String reason, Score live) {
            return new PostCall(Status.FAILED, reason, LiveScore.of(live));
        }
    }

    /** The score from the live recognition, kept once the post-call pass has replaced it. */
    @JsonPropertyOrder({"total", "passed"})
    public record LiveScore(int total, boolean passed) {
        static LiveScore of(Score score) {
            return new LiveScore(score.total(), score.passed());
        }
    }

    /**
     * {@code notHeardClearly}: agent turns heard too poorly to score, shown instead of advice on them; left
     * out of the file when there are none, so reports written before it read and write back unchanged.
     */
    @JsonPropertyOrder({"total", "passMark", "passed", "verdict", "techniques", "advice", "notHeardClearly"})
    public record Score(int total, int passMark, boolean passed, String verdict, List<Technique> techniques, List<String> advice,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NotHeard> notHeardClearly) {
        static final Score NONE = new Score(0, 0, false, "", List.of(), List.of());

        public Score {
            techniques = techniques == null ? List.of() : List.copyOf(techniques);
            advice = advice == null ? List.of() : List.copyOf(advice);
            verdict = verdict == null ? "" : verdict;
            notHeardClearly = notHeardClearly == null ? List.of() : List.copyOf(notHeardClearly);
        }

        public Score(int total, int passMark, boolean passed, String verdict, List<Technique> techniques, List<String> advice) {
            this(total, passMark, passed, verdict, techniques, advice, List.of());
        }
    }

    /** An agent turn starting at {@code atMs} that was not scored; {@code note} says so ("Not heard clearly at 01:22, …"). */
    @JsonPropertyOrder({"atMs", "note"})
    public record NotHeard(long atMs, String note) {}

    @JsonPropertyOrder({"id", "name", "applicable", "score", "evidence"})
    public record Technique(String id, String name, boolean applicable, int score, List<Evidence> evidence) {
        public Technique {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A moment that earned or cost a technique: heard words, or a measured span in seconds. Absent parts are left out. */
    @JsonPropertyOrder({"atMs", "kind", "words", "seconds", "note"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(long atMs, String kind, String words, Double seconds, String note) {}

    @JsonPropertyOrder({"holdCount", "holdSeconds", "longestHoldSeconds", "agentInterruptions", "callerInterruptions",
        "overtalkSeconds", "deadAirSeconds", "agentTalkSeconds", "callerTalkSeconds", "callerResponseLatencyMs", "evidence"})
    public record Metrics(int holdCount, double holdSeconds, double longestHoldSeconds, int agentInterruptions,
                         int callerInterruptions, double overtalkSeconds, double deadAirSeconds, double agentTalkSeconds,
                         double callerTalkSeconds, Latency callerResponseLatencyMs, LineEvidence evidence) {
        static final Metrics NONE = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);

        public Metrics {
            callerResponseLatencyMs = callerResponseLatencyMs == null ? new Latency(null, null, 0) : callerResponseLatencyMs;
            evidence = evidence == null ? new LineEvidence(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()) : evidence;
        }

        /** Share of the talking done by the agent, 0 to 1 (0 when nobody spoke). */
        public double agentTalkShare() {
            double all = agentTalkSeconds + callerTalkSeconds;
            return all <= 0 ? 0 : agentTalkSeconds / all;
        }
    }

    /** Percentiles are null when the caller never replied. */
    @JsonPropertyOrder({"p50", "p95", "count"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Latency(Long p50, Long p95, int count) {}

    @JsonPropertyOrder({"holds", "agentInterruptionsAtMs", "callerInterruptionsAtMs", "overtalk", "deadAir", "callerResponseLatenciesMs"})
    public record LineEvidence(List<Hold> holds, List<Long> agentInterruptionsAtMs, List<Long> callerInterruptionsAtMs,
                               List<Span> overtalk, List<Span> deadAir, List<Long> callerResponseLatenciesMs) {
        public LineEvidence {
            holds = holds == null ? List.of() : List.copyOf(holds);
            agentInterruptionsAtMs = agentInterruptionsAtMs == null ? List.of() : List.copyOf(agentInterruptionsAtMs);
            callerInterruptionsAtMs = callerInterruptionsAtMs == null ? List.of() : List.copyOf(callerInterruptionsAtMs);
            overtalk = overtalk == null ? List.of() : List.copyOf(overtalk);
            deadAir = deadAir == null ? List.of() : List.copyOf(deadAir);
            callerResponseLatenciesMs = callerResponseLatenciesMs == null ? List.of() : List.copyOf(callerResponseLatenciesMs);
        }
    }

    @JsonPropertyOrder({"startMs", "endMs", "announced"})
    public record Hold(long startMs, long endMs, boolean announced) {}

    @JsonPropertyOrder({"startMs", "endMs"})
    public record Span(long startMs, long endMs) {
        public double seconds() {
            return (endMs - startMs) / 1000.0;
        }
    }
}
