package callsim.review.web;

import callsim.app.report.DrillInfo;
import callsim.app.report.ReportJson;
import callsim.review.store.DrillRow;
import callsim.review.store.DrillStatus;
import callsim.core.AngerPoint;
import callsim.core.Difficulty;
import callsim.core.DrillRecord;
import callsim.core.Evidence;
import callsim.core.HoldRecord;
import callsim.core.LineMetrics;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Span;
import callsim.core.Speaker;
import callsim.core.TechniqueScore;
import callsim.core.TranscriptEntry;
import callsim.core.UnclearTurn;
import callsim.review.report.DrillReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drills for the review tests: real report JSON (built by ReportJson) and a real WAV of silence. */
final class SampleDrills {
    static final String SCRIPT_TEXT = "You charged me twice! <script>alert('pwned')</script> & fix it";
    /** The interruption evidence on T2, well into the recording so a seek is visible. */
    static final long INTERRUPTION_AT_MS = 31_000;
    /** An agent turn the recogniser heard too poorly to score. */
    static final UnclearTurn NOT_HEARD = new UnclearTurn(38_000);

    private SampleDrills() {}

    static DrillRow row(String id, String agent, String agentKey, String scenario, String difficulty, Instant startedAt,
                        DrillStatus status, String outcome, Integer score) {
        return new DrillRow(id, agent, Optional.ofNullable(agentKey), scenario, difficulty, startedAt,
                status == DrillStatus.RUNNING ? Optional.empty() : Optional.of(startedAt.plusSeconds(60)), status,
                Optional.ofNullable(outcome), Optional.ofNullable(score), Optional.ofNullable(score).map(s -> s >= 70));
    }

    /** A full report: transcript (with markup in it), holds, overtalk, dead air, anger and a scorecard with evidence. */
    static DrillReport report(DrillRow row) {
        LineMetrics metrics = new LineMetrics(
                List.of(new HoldRecord(20_000, 30_000, true)),
                List.of(INTERRUPTION_AT_MS), List.of(),
                List.of(new Span(31_000, 32_000)),
                List.of(new Span(40_000, 46_000)),
                List.of(new Span(6_000, 9_000), new Span(15_000, 20_000), new Span(30_500, 34_000)),
                List.of(new Span(0, 5_000), new Span(9_500, 14_000), new Span(31_000, 36_000)),
                List.of(500L, 700L));
        int total = row.scoreTotal().orElse(0);
        Scorecard card = new Scorecard(total, 70, total >= 70, Outcome.RESOLVED, "Resolved, but the caller was talked over.",
                List.of(new TechniqueScore("T2", "Don't interrupt", true, 40,
                                List.of(new Evidence(INTERRUPTION_AT_MS, "interruption", "", 1.0, "You talked over the caller."))),
                        new TechniqueScore("T5", "Apologise specifically", true, 100,
                                List.of(new Evidence(6_000, "specific-apology", "i am so sorry about the double charge",
                                        Evidence.NOT_MEASURED, ""))),
                        new TechniqueScore("T9", "Manage the hold", true, 80,
                                List.of(new Evidence(20_000, "announced-hold", "", 10.0, "Announced <b>before</b> the hold."))),
                        new TechniqueScore("T11", "Set a boundary on abuse", false, 100, List.of()),
                        new TechniqueScore("T14", "Courtesy and ownership", true, 70,
                                List.of(new Evidence(41_000, "dead-air", "", 2.5, ""), new Evidence(44_000, "dead-air", "", 1.5, ""),
                                        new Evidence(50_000, "dead-air", "", 2.0, "")))),
                List.of("Let the caller finish before you answer."), List.of(NOT_HEARD));
        DrillRecord record = new DrillRecord(row.scenario(), Difficulty.parse(row.difficulty()), 7, Outcome.RESOLVED,
                "remedy accepted", 60_000,
                List.of(new TranscriptEntry(Speaker.CALLER, 0, 5_000, SCRIPT_TEXT),
                        new TranscriptEntry(Speaker.AGENT, 6_000, 9_000, "I am so sorry about the double charge."),
                        new TranscriptEntry(Speaker.CALLER, 9_500, 14_000, "Just fix it."),
                        new TranscriptEntry(Speaker.AGENT, 15_000, 20_000, "May I place you on hold while I check?"),
                        new TranscriptEntry(Speaker.AGENT, 30_500, 34_000, "Thanks for holding, I have refunded it."),
                        new TranscriptEntry(Speaker.CALLER, 31_000, 36_000, "Finally.")),
                List.of(new AngerPoint(0, 75), new AngerPoint(9_100, 62), new AngerPoint(30_000, 70), new AngerPoint(36_000, 40)),
                metrics, card);
        DrillInfo info = new DrillInfo(row.id(), row.agent(), "7000", "sip", row.startedAt());
        return ReportJson.build(info, record, row.endedAt().orElse(null), row.status() == DrillStatus.COMPLETE);
    }

    /** What the first agent turn of {@link #report} said, as the post-call transcript has it. */
    static final String SAID = "I am so sorry you were charged twice";
    /** ... and as the caller heard it live. */
    static final String HEARD = "i am with our you were charged line";

    /**
     * {@link #report} after its post-call pass in state {@code status}: when done, the first agent turn is
     * {@link #SAID} and keeps {@link #HEARD}, and {@code liveTotal} is what the live recognition scored.
     */
    static DrillReport afterPostCall(DrillRow row, DrillReport.PostCall.Status status, int liveTotal) {
        DrillReport r = report(row);
        DrillReport.LiveScore live = new DrillReport.LiveScore(liveTotal, liveTotal >= 70);
        if (status != DrillReport.PostCall.Status.DONE) {
            return r.withPostCall(new DrillReport.PostCall(status,
                    status == DrillReport.PostCall.Status.FAILED ? "recording.wav: no such file" : null, live));
        }
        List<DrillReport.Turn> transcript = new java.util.ArrayList<>();
        for (DrillReport.Turn t : r.transcript()) {
            boolean first = t.agent() && transcript.stream().noneMatch(DrillReport.Turn::agent);
            transcript.add(t.agent() ? new DrillReport.Turn(t.speaker(), t.startMs(), t.endMs(), first ? SAID : t.text(), first ? HEARD : t.text())
                    : t);
        }
        return new DrillReport(r.id(), r.scenario(), r.difficulty(), r.seed(), r.agent(), r.dialledNumber(), r.line(), r.startedAt(),
                r.endedAt(), r.complete(), r.durationMs(), r.outcome(), r.outcomeReason(), r.metrics(), r.score(), r.anger(), transcript,
                r.recording(), new DrillReport.PostCall(status, null, live));
    }

    /** {@code seconds} of silence as a WAV like the recordings: 8 kHz, 16-bit, stereo. */
    static byte[] silentWav(int seconds) {
        int rate = 8000, channels = 2, bytesPerSample = 2;
        int data = seconds * rate * channels * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }
}
