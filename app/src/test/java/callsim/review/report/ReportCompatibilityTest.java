package callsim.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drills already on disk keep working: the two report.json files under test resources were written by the
 * report code of commit 1f4d677 (before the typed report); the typed record reads them and writes them back
 * field for field.
 */
class ReportCompatibilityTest {
    @ParameterizedTest
    @ValueSource(strings = {"complete-1f4d677.json", "running-1f4d677.json"})
    void aReportWrittenBeforeTheTypedRecordReadsAndWritesBackUnchanged(String file) throws Exception {
        String written = resource(file);
        DrillReport report = ReportMapper.read(written);
        JsonNode again = ReportMapper.MAPPER.readTree(ReportMapper.MAPPER.writeValueAsString(report));
        assertThat(again).isEqualTo(ReportMapper.MAPPER.readTree(written));
        assertThat(ReportMapper.MAPPER.writeValueAsString(report) + "\n").as("byte for byte, field order too").isEqualTo(written);
    }

    @Test
    void theFieldsReadAsTheyWereWritten() throws Exception {
        DrillReport report = ReportMapper.read(resource("complete-1f4d677.json"));
        assertThat(report.agent()).isEqualTo("Ali Khan <sip:201@127.0.0.1>");
        assertThat(report.ended()).isPresent();
        assertThat(report.score().techniques()).extracting(DrillReport.Technique::id).containsExactly("T2", "T5", "T11");
        assertThat(report.score().techniques().get(0).evidence().get(0).seconds()).isEqualTo(1.0);
        assertThat(report.score().techniques().get(1).evidence().get(0).seconds()).as("not measured").isNull();
        assertThat(report.metrics().evidence().deadAir()).extracting(DrillReport.Span::seconds).containsExactly(6.0);
        assertThat(report.metrics().callerResponseLatencyMs().p50()).isEqualTo(500L);
        DrillReport running = ReportMapper.read(resource("running-1f4d677.json"));
        assertThat(running.ended()).isEmpty();
        assertThat(running.metrics().callerResponseLatencyMs().p50()).as("no replies: no latency rather than 0").isNull();
    }

    @Test
    void fieldsANewerWriterAddsAreIgnoredNotFatal() throws Exception {
        String newer = resource("complete-1f4d677.json").replaceFirst("\\{", "{\n  \"heardLive\" : [ ],");
        assertThat(ReportMapper.read(newer).id()).isEqualTo("20261122-183012-3fa1");
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ReportCompatibilityTest.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
