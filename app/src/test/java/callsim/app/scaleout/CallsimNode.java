package callsim.app.scaleout;

import callsim.app.CallsimServer;
import callsim.app.asterisk.AsteriskOptions;
import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.TurnDetector;
import callsim.telephony.PortRange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One callsim node of the scale-out set-up, in-process: its own data directory, a free SIP port on
 * loopback, ephemeral RTP ports, one recogniser, no HTTP/AudioSocket/Asterisk, and the shared database.
 * It remembers which drills it started, so the test can tell where Kamailio sent each call.
 */
final class CallsimNode implements AutoCloseable {
    final String name;
    final CallsimServer server;
    final List<String> started = new CopyOnWriteArrayList<>();
    private final Path dataDir;
    private boolean closed;

    private CallsimNode(String name, CallsimServer server, Path dataDir) {
        this.name = name;
        this.server = server;
        this.dataDir = dataDir;
        server.drills().onDrillStarted(started::add);
    }

    static CallsimNode start(String name, String dbUrl) throws IOException {
        Path data = Files.createTempDirectory("callsim-node-" + name + "-");
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        DrillService.Settings drills = new DrillService.Settings(
                new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L, TurnDetector.Settings.defaults());
        try {
            return new CallsimNode(name, CallsimServer.start(new CallsimServer.Options(
                    "127.0.0.1", 0, PortRange.EPHEMERAL, -1, -1, data, 1, drills, AsteriskOptions.NONE, dbUrl)), data);
        } catch (IOException | RuntimeException e) {
            delete(data);
            throw e;
        }
    }

    InetSocketAddress sipAddress() {
        return new InetSocketAddress("127.0.0.1", server.sipPort());
    }

    Path events(String drillId) {
        return server.store().drillDir(drillId).resolve("events.jsonl");
    }

    /** Stops the node as a SIGTERM would (the shutdown hook of {@code serve} calls the same close()). */
    synchronized void stop() {
        if (closed) return;
        closed = true;
        server.close();
    }

    @Override
    public void close() {
        stop();
        delete(dataDir);
    }

    @Override
    public String toString() {
        return "node " + name + " (sip:127.0.0.1:" + server.sipPort() + ")";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
