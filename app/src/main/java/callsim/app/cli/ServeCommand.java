package callsim.app.cli;

import callsim.app.CallsimServer;
import callsim.app.asterisk.AsteriskOptions;
import java.util.Optional;
import callsim.telephony.PortRange;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer drill calls on an embedded SIP endpoint until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--sip-port", paramLabel = "PORT", defaultValue = "5080", description = "SIP port, UDP (default: ${DEFAULT-VALUE}).")
    int sipPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on and to put in SDP; use this machine's LAN address so desk phones can reach it (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--rtp-ports", paramLabel = "FIRST-LAST", defaultValue = "10000-10999",
            description = "UDP ports for call audio, two per call (default: ${DEFAULT-VALUE}).")
    String rtpPorts;

    @Option(names = "--audiosocket-port", paramLabel = "PORT", defaultValue = "9092",
            description = "TCP port for calls from Asterisk's AudioSocket() application; -1 turns it off (default: ${DEFAULT-VALUE}).")
    int audioSocketPort;

    @Option(names = "--agi-port", paramLabel = "PORT", defaultValue = "4573",
            description = "TCP port of the FastAGI training extension, AGI(agi://HOST:PORT/drill?scenario=ID&difficulty=LEVEL); -1 turns it off (default: ${DEFAULT-VALUE}).")
    int agiPort;

    @Option(names = "--audiosocket-host", paramLabel = "HOST",
            description = "Address Asterisk must connect AudioSocket to, when it differs from --bind (NAT, 0.0.0.0). Default: the address Asterisk reached us on.")
    String audioSocketHost;

    @Mixin
    AmiOptions ami;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port for the drill API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Mixin
    DataDirOption data;

    @Option(names = "--db", paramLabel = "URL",
            description = "Database for reviews, e.g. jdbc:postgresql://HOST:5432/callsim, with the user and password in "
                    + "the environment (CALLSIM_DB_USER, CALLSIM_DB_PASSWORD). Default: an embedded database in the data directory.")
    String dbUrl;

    @Mixin
    DrillOptions drill;

    @Option(names = "--allow", paramLabel = "CIDR", split = ",", arity = "1..*",
            description = "Addresses that may place drills over SIP, FastAGI and AudioSocket, e.g. 192.0.2.0/24 10.1.0.0/16. "
                    + "Default: loopback when bound to loopback, otherwise this machine's subnet(s) of --bind.")
    java.util.List<String> allow = java.util.List.of();

    @Option(names = "--sip-accounts", paramLabel = "FILE",
            description = "SIP digest authentication: one 'EXTENSION HA1' per line, HA1 = md5 of EXTENSION:callsim:PASSWORD. "
                    + "Calls must then authenticate as the extension in their From header. Default: no authentication.")
    java.nio.file.Path sipAccounts;

    @Override
    public Integer call() throws Exception {
        CallsimServer server = CallsimServer.start(new CallsimServer.Options(
                bind, sipPort, PortRange.parse(rtpPorts), audioSocketPort, httpPort, data.resolve(), drill.recognizers, drill.settings(),
                new AsteriskOptions(agiPort, ami.settings(), Optional.ofNullable(audioSocketHost)), dbUrl, allow,
                sipAccounts == null ? null : SipAccountsFile.load(sipAccounts)),
                line -> System.err.println("callsim: " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.err.printf("callsim ready: dial sip:7000@%s:%d from a softphone%s; drills are kept in %s%n",
                bind, server.sipPort(), server.audioSocketPort() < 0 ? "" : " or AudioSocket(UUID," + bind + ":" + server.audioSocketPort() + ") from Asterisk",
                data.resolve().toAbsolutePath());
        if (server.httpPort() >= 0) System.err.println(reviewHint(server));
        if (server.agiPort() >= 0) {
            System.err.printf("training extension for Asterisk: AGI(agi://%s:%d/drill) (menu) or AGI(agi://%s:%d/drill?scenario=ID&difficulty=LEVEL)%n",
                    bind, server.agiPort(), bind, server.agiPort());
        }
        stopped.await();
        return 0;
    }

    /** Where supervisors review drills, and how to make the first login when there is none yet. */
    private String reviewHint(CallsimServer server) {
        String url = "http://" + bind + ":" + server.httpPort() + "/";
        if (server.firstRun().isEmpty()) return "review drills at " + url;
        return "review drills at " + url + " — no accounts yet: create the first admin in the browser at "
                + url.substring(0, url.length() - 1) + server.firstRun().get().path() + " (this link works once)";
    }
}
