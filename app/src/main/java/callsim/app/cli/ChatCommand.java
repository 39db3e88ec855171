package callsim.app.cli;

import callsim.app.chat.ChatConsole;
import callsim.app.chat.ChatReport;
import callsim.app.chat.DrillScript;
import callsim.app.chat.TextDrill;
import callsim.app.report.ReportJson;
import callsim.app.report.TextReport;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import callsim.review.report.DrillReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Run a drill in text, on the same caller engine as the phone: the caller's lines are printed, "
                + "you type the agent's replies (" + DrillScript.COMMANDS + ").",
                "With --script FILE the replies come from the file and only the report is printed (docs/text-drill.md)."})
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioChoice choice;

    @Option(names = "--script", paramLabel = "FILE", description = "Play the agent's moves from FILE, one a line, instead of the terminal.")
    Path script;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "Report as json or text (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--started-at", paramLabel = "INSTANT",
            description = "Wall-clock start to put in the report, e.g. 2026-11-22T18:00:00Z (default: now); fix it for byte-identical reports.")
    String startedAt;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("--format must be json or text, not '" + format + "'");
        }
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        Scenario scenario = choice.scenario(library);
        Instant start = startInstant();
        List<DrillScript.Line> moves = script == null ? null : readScript(script);
        long drillSeed = choice.seed != null ? choice.seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        TextDrill drill = new TextDrill(scenario, choice.difficulty(), drillSeed);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (moves != null) {
            ChatConsole console = new ChatConsole(drill, new PrintWriter(OutputStream.nullOutputStream()));
            for (DrillScript.Line unplayed : console.script(moves)) {
                err.println("callsim: " + script + ":" + unplayed.number() + ": not played, the call had already ended");
            }
        } else {
            // With a JSON report on stdout, the conversation goes to stderr so stdout stays one document.
            PrintWriter conversation = format.equals("json") ? err : out;
            conversation.println(ChatConsole.introduction(scenario, choice.difficulty(), drillSeed));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new ChatConsole(drill, conversation).interactive(in, System.console() != null ? "AGENT> " : "");
            conversation.println();
        }
        DrillReport report = ChatReport.build(drill, start);
        out.print(format.equals("json") ? ReportJson.MAPPER.writeValueAsString(report) + "\n" : TextReport.format(report));
        out.flush();
        return 0;
    }

    private Instant startInstant() {
        if (startedAt == null) return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            return Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--started-at must look like 2026-11-22T18:00:00Z, not '" + startedAt + "'");
        }
    }

    private static List<DrillScript.Line> readScript(Path file) throws Exception {
        try {
            return DrillScript.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no script file " + file);
        }
    }
}
