package callsim.app.chat;

import callsim.app.report.DrillInfo;
import callsim.app.report.ReportJson;
import callsim.core.DrillRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The report of a text drill: the phone drill's report JSON, with "text" as agent and line and no recording. */
public final class ChatReport {
    private ChatReport() {}

    /** The report as if the drill began at {@code startedAt}; its end follows from the virtual clock, so it is reproducible. */
    public static ObjectNode build(TextDrill drill, Instant startedAt) {
        DrillRecord record = drill.record();
        String id = "text-" + record.scenarioId() + "-" + record.seed();
        DrillInfo info = new DrillInfo(id, "text", "", "text", startedAt);
        ObjectNode report = ReportJson.build(info, record, startedAt.plusMillis(record.durationMs()), drill.finished());
        report.putNull("recording"); // nothing was said aloud
        return report;
    }
}
