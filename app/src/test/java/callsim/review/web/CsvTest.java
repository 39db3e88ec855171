package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.review.store.DrillStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvTest {
    private final Names names = new Names(new InMemoryAuthenticator(java.time.Clock.systemUTC()), Map.of("late", "The parcel never came"));

    @Test
    void quotesCommasQuotesAndLineBreaksAndDefusesFormulas() {
        var row = SampleDrills.row("d1", "Smith, \"Jo\"\nline 2", "201", "=HYPERLINK(\"http://x\")", "normal",
                Instant.parse("2026-11-20T10:00:00Z"), DrillStatus.COMPLETE, "resolved", 64);
        String csv = Csv.of(List.of(new Exports.Line(row, Optional.of(60_000L), Map.of("T2", 40, "T5", 100), List.of())), names);
        assertThat(csv.split("\r\n")[0]).isEqualTo(Csv.HEADER + ",T1,T2,T3,T4,T5,T6,T7,T8,T9,T10,T11,T12,T13,T14");
        assertThat(csv.split("\r\n", 2)[1]).isEqualTo(
                "d1,\"Smith, \"\"Jo\"\"\nline 2\",\"Smith, \"\"Jo\"\"\nline 2\",201,\"'=HYPERLINK(\"\"http://x\"\")\",\"'=HYPERLINK(\"\"http://x\"\")\",normal,"
                + "2026-11-20T10:00:00Z,2026-11-20T10:01:00Z,60.0,complete,resolved,64,false,64,0,false,,,40,,,100,,,,,,,,,\r\n");
    }

    @Test
    void aScoreAwaitingItsPostCallTranscriptIsMarkedProvisionalAndAFailedPassSaysSo() {
        var row = SampleDrills.row("d3", "Ann", "201", "late", "normal", Instant.parse("2026-11-20T10:00:00Z"),
                DrillStatus.COMPLETE, "resolved", 72);
        String pending = Csv.of(List.of(new Exports.Line(row.withPostCall(Optional.of("pending")), Optional.empty(), Map.of(), List.of())),
                names).split("\r\n")[1];
        String failed = Csv.of(List.of(new Exports.Line(row.withPostCall(Optional.of("failed")), Optional.empty(), Map.of(), List.of())),
                names).split("\r\n")[1];
        String done = Csv.of(List.of(new Exports.Line(row.withPostCall(Optional.of("done")), Optional.empty(), Map.of(), List.of())),
                names).split("\r\n")[1];
        assertThat(pending).contains(",resolved,72,true,72,0,true,pending,");
        assertThat(failed).contains(",resolved,72,true,72,0,false,failed,");
        assertThat(done).contains(",resolved,72,true,72,0,false,done,");
    }

    @Test
    void plainFieldsStayUnquotedAndARunningDrillHasNoScore() {
        var row = SampleDrills.row("d2", "Bob", null, "late", "easy", Instant.parse("2026-11-20T10:00:00Z"), DrillStatus.RUNNING, null, 26);
        String line = Csv.of(List.of(new Exports.Line(row, Optional.empty(), Map.of(), List.of())), names).split("\r\n")[1];
        assertThat(line).isEqualTo("d2,Bob,Bob,,late,The parcel never came,easy,2026-11-20T10:00:00Z,,,running,,,,,0,,,,,,,,,,,,,,,,");
        assertThat(Csv.field("-5 apples")).isEqualTo("'-5 apples");
        assertThat(Csv.field("@cmd")).isEqualTo("'@cmd");
    }
}
