package callsim.app.report;

import callsim.review.report.DrillReport;
import java.util.Locale;

/** A drill report as a supervisor reads it in a terminal. */
public final class TextReport {
    private TextReport() {}

    public static String format(DrillReport report) {
        return format(report, false);
    }

    /** {@code stillRunning}: the drill is going on, so an unfinished report is its report so far, not a broken one. */
    public static String format(DrillReport report, boolean stillRunning) {
        StringBuilder out = new StringBuilder();
        DrillReport.Metrics m = report.metrics();
        line(out, "Drill %s  scenario %s (%s)  agent %s", report.id(), report.scenario(), report.difficulty(), report.agent());
        line(out, "Started %s  ended %s%s", report.startedAt(), report.ended().map(Object::toString).orElse("-"),
                report.complete() ? ""
                        : stillRunning ? "  (IN PROGRESS: the drill is still running; this is its report so far)"
                        : "  (PARTIAL: the drill did not finish cleanly)");
        line(out, "Outcome: %s (%s)", report.outcome(), report.outcomeReason());
        DrillReport.Score score = report.score();
        if (score != null) {
            line(out, "Score: %d/100, %s (pass mark %d). %s", score.total(), score.passed() ? "PASSED" : "NOT PASSED",
                    score.passMark(), score.verdict());
            for (DrillReport.Technique technique : score.techniques()) {
                if (!technique.applicable()) continue;
                line(out, "  %-4s %-40s %3d", technique.id(), technique.name(), technique.score());
            }
            for (String advice : score.advice()) line(out, "  * %s", advice);
            for (DrillReport.NotHeard turn : score.notHeardClearly()) line(out, "  * %s", turn.note());
            scoredFrom(out, report.postCall());
        }
        out.append('\n');
        line(out, "Line metrics");
        line(out, "  hold: %d, %.1f s in total, longest %.1f s", m.holdCount(), m.holdSeconds(), m.longestHoldSeconds());
        line(out, "  interruptions: agent %d, caller %d; overtalk %.1f s; dead air %.1f s",
                m.agentInterruptions(), m.callerInterruptions(), m.overtalkSeconds(), m.deadAirSeconds());
        line(out, "  talk: agent %.1f s, caller %.1f s", m.agentTalkSeconds(), m.callerTalkSeconds());
        DrillReport.Latency latency = m.callerResponseLatencyMs();
        line(out, "  caller response latency: p50 %s ms, p95 %s ms (%d replies)", latency.p50() == null ? "-" : latency.p50(),
                latency.p95() == null ? "-" : latency.p95(), latency.count());
        out.append('\n');
        StringBuilder curve = new StringBuilder();
        for (DrillReport.AngerPoint point : report.anger()) {
            if (curve.length() > 0) curve.append(" → ");
            curve.append(point.value()).append(" @").append(seconds(point.atMs()));
        }
        line(out, "Anger: %s", curve);
        out.append('\n');
        line(out, "Transcript");
        for (DrillReport.Turn entry : report.transcript()) {
            line(out, "  [%7s] %-6s %s", seconds(entry.startMs()), entry.speaker(), entry.text().isEmpty() ? DrillReport.Turn.NOT_RECOGNISED : entry.text());
            if (entry.heard() != null && !entry.heard().equals(entry.text())) line(out, "  %9s %-6s %s", "", "heard", entry.heard());
        }
        return out.toString();
    }

    /** What the score was taken from, for a phone drill whose call has ended. */
    private static void scoredFrom(StringBuilder out, DrillReport.PostCall pass) {
        if (pass == null) return;
        switch (pass.status()) {
            case PENDING -> line(out, "  (PROVISIONAL: scored from what the caller heard live; the post-call transcript is still to come)");
            case FAILED -> line(out, "  (scored from what the caller heard live: the post-call transcript failed: %s)", pass.reason());
            case DONE -> line(out, "  (scored from the post-call transcript%s)", pass.liveScore() == null ? "" : String.format(Locale.ROOT,
                    "; from what the caller heard live it was %d, %s", pass.liveScore().total(), pass.liveScore().passed() ? "PASSED" : "NOT PASSED"));
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
