package callsim.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.VirtualCall;
import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import callsim.scenarios.ScenarioLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A turn not heard clearly is named, with its time, in the report JSON and the text report. */
class NotHeardClearlyReportTest {
    private static final DrillInfo INFO = new DrillInfo("20261205-010000-abcd", "sip:201@127.0.0.1", "7000", "sip",
            Instant.parse("2026-12-05T01:00:00Z"));

    @Test
    void theReportNamesWhenATurnWasNotHeardClearly() throws Exception {
        VirtualCall call = new VirtualCall(ScenarioLibrary.builtIn().get("double-charge"), Difficulty.NORMAL, 4).connect()
                .say("I'm so sorry you were charged twice")
                .say("you on monday who would", DrillEvent.AgentTurn.HEARD_CLEARLY / 2)
                .settle();
        DrillEvent.AgentTurn unclear = call.events().stream().filter(e -> e instanceof DrillEvent.AgentTurn t && !t.heardClearly())
                .map(e -> (DrillEvent.AgentTurn) e).findFirst().orElseThrow();
        DrillRecord record = call.record();
        String note = record.score().notHeardClearly().get(0).note();

        DrillReport report = ReportJson.build(INFO, record, null, false);
        JsonNode json = ReportMapper.tree(report);

        JsonNode notHeard = json.path("score").path("notHeardClearly");
        assertThat(notHeard).hasSize(1);
        assertThat(notHeard.get(0).path("atMs").asLong()).isEqualTo(unclear.startMs());
        assertThat(notHeard.get(0).path("note").asText()).isEqualTo(note);
        assertThat(ReportMapper.read(json).score().notHeardClearly()).isEqualTo(report.score().notHeardClearly());
        assertThat(TextReport.format(report)).contains("* " + note);
    }

    @Test
    void aReportWrittenBeforeTurnsCouldBeUnclearReadsWithNone() throws Exception {
        JsonNode json = ReportMapper.tree(ReportJson.build(INFO, ReportJsonTest.sampleRecord(), null, false));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("score")).remove("notHeardClearly");

        assertThat(ReportMapper.read(json).score().notHeardClearly()).isEmpty();
    }
}
