package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.cli.Main;
import callsim.app.report.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callsim chat --script} as a user runs it: the report on stdout, problems on stderr and in the exit code. */
class ChatCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new CommandLine(new Main())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("callsim: " + e.getMessage()); // as Main does
                    return 1;
                })
                .execute(args);
    }

    @Test
    void aScriptRunPrintsTheReportJson() throws Exception {
        Path script = Files.writeString(dir.resolve("model.txt"), ScriptedTextDrill.resource("model-agent.txt"));

        int code = run("chat", "--script", script.toString(), "--difficulty", "easy", "--seed", "3", "--format", "json",
                "--started-at", "2026-11-22T18:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        JsonNode report = ReportJson.MAPPER.readTree(out.toString());
        assertThat(report.path("scenario").asText()).isEqualTo("double-charge");
        assertThat(report.path("difficulty").asText()).isEqualTo("easy");
        assertThat(report.path("seed").asLong()).isEqualTo(3);
        assertThat(report.path("agent").asText()).isEqualTo("text");
        assertThat(report.path("line").asText()).isEqualTo("text");
        assertThat(report.path("outcome").asText()).isEqualTo("resolved");
        assertThat(report.path("startedAt").asText()).isEqualTo("2026-11-22T18:00:00Z");
        assertThat(report.path("transcript").size()).isGreaterThanOrEqualTo(6);
        assertThat(err.toString()).contains("model.txt:8: not played, the call had already ended")
                .contains("model.txt:9: not played");
    }

    @Test
    void twoRunsWithTheSameInputsPrintTheSameReport() throws Exception {
        Path script = Files.writeString(dir.resolve("poor.txt"), ScriptedTextDrill.resource("poor-agent.txt"));
        String[] args = {"chat", "--script", script.toString(), "--seed", "12", "--format", "json", "--started-at", "2026-11-22T18:00:00Z"};

        assertThat(run(args)).isZero();
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run(args)).isZero();

        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void theTextReportShowsOutcomeMetricsAndTranscript() throws Exception {
        Path script = Files.writeString(dir.resolve("hold.txt"), "May I put you on hold while I check your billing?\n/hold 40\nThank you for holding.\n");

        assertThat(run("chat", "--script", script.toString(), "--difficulty", "easy", "--seed", "1")).isZero();

        assertThat(out.toString()).contains("agent text", "hold: 1, 40.0 s in total", "Transcript", "Thank you for holding.");
    }

    @Test
    void aBadScriptLineStopsTheRunWithItsFileAndLine() throws Exception {
        Path script = Files.writeString(dir.resolve("bad.txt"), "# greet\nI'm sorry.\n/hlod 30\n");

        int code = run("chat", "--script", script.toString());

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("bad.txt:3: unknown command '/hlod'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingScriptOrUnknownScenarioIsAClearError() {
        assertThat(run("chat", "--script", dir.resolve("nope.txt").toString())).isNotZero();
        assertThat(err.toString()).contains("no script file").contains("nope.txt");

        assertThat(run("chat", "--scenario", "lost-parcel", "--script", dir.resolve("nope.txt").toString())).isNotZero();
        assertThat(err.toString()).contains("unknown scenario 'lost-parcel'");
    }
}
