package callsim.app.cli;

import callsim.app.report.ReportJson;
import callsim.app.report.ReportStore;
import callsim.app.report.TextReport;
import callsim.review.report.DrillReport;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Show a drill's report.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "Drill id (see the serve log or the data directory).")
    String id;

    @Option(names = "--last", description = "The most recent drill.")
    boolean last;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "json or text (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("--format must be json or text, not '" + format + "'");
        }
        if ((id == null) == !last) throw new IllegalArgumentException("give a drill ID or --last (one of them)");
        ReportStore store = new ReportStore(data.resolve());
        String wanted = last ? store.lastId().orElseThrow(() ->
                new IllegalArgumentException("no drills yet in " + data.resolve().toAbsolutePath())) : id;
        DrillReport report = store.report(wanted).orElseThrow(() ->
                new IllegalArgumentException("no drill '" + wanted + "' in " + data.resolve().toAbsolutePath()));
        System.out.print(format.equals("json") ? ReportJson.MAPPER.writeValueAsString(report) + "\n"
                : TextReport.format(report, store.stillRunning(wanted, Instant.now())));
        return 0;
    }
}
