package callsim.app.cli;

import callsim.app.CallsimServer;
import callsim.app.demo.ScriptedAgent;
import callsim.app.report.ReportStore;
import callsim.app.report.TextReport;
import callsim.telephony.DialledCall;
import callsim.telephony.PortRange;
import callsim.telephony.SipDialer;
import callsim.telephony.SipEndpointConfig;
import callsim.review.report.DrillReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run one drill with a built-in scripted agent over loopback SIP and print its report.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    DrillOptions drill;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "240", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        try (CallsimServer server = CallsimServer.start(new CallsimServer.Options(
                "127.0.0.1", 0, PortRange.EPHEMERAL, -1, -1, data.resolve(), drill.recognizers, drill.settings()),
                line -> System.err.println("demo: " + line))) {
            CompletableFuture<String> drillDone = new CompletableFuture<>();
            server.drills().onDrillFinished(drillDone::complete);
            ScriptedAgent agent = new ScriptedAgent(server.speech().voice(), ScriptedAgent.DEFAULT_SCRIPT);
            System.err.println("demo: the scripted agent is calling the angry caller at sip:7000@127.0.0.1:" + server.sipPort());
            try (SipDialer dialer = SipDialer.start(SipEndpointConfig.loopback())) {
                DialledCall call = dialer.dial("sip:7000@127.0.0.1:" + server.sipPort(), agent, Duration.ofSeconds(10));
                agent.attach(call);
                server.mediaClock().add(agent);
                String id = drillDone.get(timeoutSeconds, TimeUnit.SECONDS);
                DrillReport report = awaitFinalReport(server.store(), id);
                System.out.print(TextReport.format(report));
                System.out.println("\nFull report: ./callsim report " + id + " --format json   recording: "
                        + server.store().drillDir(id).resolve("recording.wav"));
            }
        }
        return 0;
    }

    private static DrillReport awaitFinalReport(ReportStore store, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Optional<DrillReport> report = store.report(id);
            if (report.isPresent() && report.get().complete()) return report.get();
            if (System.nanoTime() > deadline) {
                return report.orElseThrow(() -> new IllegalStateException("drill " + id + " left no report"));
            }
            Thread.sleep(50);
        }
    }
}
