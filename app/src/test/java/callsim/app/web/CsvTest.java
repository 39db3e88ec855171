package callsim.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.store.DrillStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesCommasQuotesAndLineBreaksAndDefusesFormulas() {
        var row = SampleDrills.row("d1", "Smith, \"Jo\"\nline 2", "201", "=HYPERLINK(\"http://x\")", "normal",
                Instant.parse("2026-11-20T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 64);
        assertThat(Csv.of(List.of(row))).isEqualTo(
                "id,agent,agentKey,scenario,difficulty,startedAt,endedAt,status,outcome,score,passed\r\n"
                + "d1,\"Smith, \"\"Jo\"\"\nline 2\",201,\"'=HYPERLINK(\"\"http://x\"\")\",normal,"
                + "2026-11-20T10:00:00Z,2026-11-20T10:01:00Z,complete,resolved,64,false\r\n");
    }

    @Test
    void plainFieldsStayUnquotedAndMissingValuesEmpty() {
        var row = SampleDrills.row("d2", "Bob", null, "late", "easy", Instant.parse("2026-11-20T10:00:00Z"), DrillStatus.RUNNING, null, null);
        assertThat(Csv.of(List.of(row)).split("\r\n")[1]).isEqualTo("d2,Bob,,late,easy,2026-11-20T10:00:00Z,,running,,,");
        assertThat(Csv.field("-5 apples")).isEqualTo("'-5 apples");
        assertThat(Csv.field("@cmd")).isEqualTo("'@cmd");
    }
}
