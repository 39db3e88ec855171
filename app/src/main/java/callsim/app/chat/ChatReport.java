package callsim.app.chat;

import callsim.app.report.DrillInfo;
import callsim.app.report.ReportJson;
import callsim.core.DrillRecord;
import callsim.review.report.DrillReport;
import java.time.Instant;

/** The report of a text drill: the phone drill's report JSON, with "text" as agent and line and no recording. */
public final class ChatReport {
    private ChatReport() {}

    /** The report as if the drill began at {@code startedAt}; its end follows from the virtual clock, so it is reproducible. */
    public static DrillReport build(TextDrill drill, Instant startedAt) {
        DrillRecord record = drill.record();
        String id = "text-" + record.scenarioId() + "-" + record.seed();
        DrillInfo info = new DrillInfo(id, "text", "", "text", startedAt);
        DrillReport report = ReportJson.build(info, record, startedAt.plusMillis(record.durationMs()), drill.finished());
        // nothing was said aloud: no recording
        return new DrillReport(report.id(), report.scenario(), report.difficulty(), report.seed(), report.agent(), report.dialledNumber(),
                report.line(), report.startedAt(), report.endedAt(), report.complete(), report.durationMs(), report.outcome(),
                report.outcomeReason(), report.metrics(), report.score(), report.anger(), report.transcript(), null);
    }
}
