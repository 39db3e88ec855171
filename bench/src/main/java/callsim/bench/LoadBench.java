package callsim.bench;

import callsim.app.CallsimServer;
import callsim.app.asterisk.AsteriskOptions;
import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.app.pipeline.MediaClock;
import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.RecognizerSettings;
import callsim.speech.RecognizerSetup;
import callsim.speech.TurnDetector;
import callsim.telephony.PortRange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Figures (a), (b) and heap per drill (e): N agents call one in-process callsim (serve's defaults: 2
 * recognisers, end of turn 700 ms, double-charge at normal difficulty) over SIP/RTP with sipp, for
 * N = each level in turn. Per level: the caller response latencies callsim measured in every drill,
 * pooled (p50/p95/p99), agent turns heard as words or empty, drills callsim ended early, the media
 * clock's worst outbound frame lateness, warnings logged, and used heap after GC with the drills in
 * progress minus before them.
 *
 * <p>Arguments: {@code latency [levels, default 1,4,8,16] [drill seconds]} or
 * {@code capacity [levels, default 1,4,8,12,16,20,24,28,32] [drill seconds]}; capacity stops at the
 * first level where p95 passes 800 ms or a frame goes out more than 40 ms late. Options (anywhere):
 * {@code --setup SPEC} the recogniser set-up (default serve's, "live"; "domain" is the first release's),
 * {@code --recognizers N} (default serve's).
 */
public final class LoadBench {
    static final long P95_LIMIT_MS = 800;
    static final double LATE_LIMIT_MS = 40;
    private static final String SCENARIO = "double-charge";
    private static final double LEAD_IN_S = 20;   // the caller's opening (~18 s of speech) plays first
    private static final double GAP_S = 9;        // after each agent line: time for the caller's reply
    private static final int AGENT_LINES = 4;
    private static final int END_OF_TURN_MS = 700;

    private LoadBench() {
    }

    record LoadLevel(int calls, DrillResults results, double maxLateMs, long ticksLate, long heapBeforeMb,
                 long heapDuringMb, int inProgressAtHeap, int sippExit, double cpuShare, Map<String, Integer> warnings,
                 long shedTurns, List<Long> wordsKnownAfterAudioEndMs, long narrowedSteps) {
        boolean passes() {
            return results.percentileMs(95) <= P95_LIMIT_MS && maxLateMs <= LATE_LIMIT_MS
                    && results.latenciesMs().size() > 0;
        }
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // JAIN-SIP's EventScannerThread (not a daemon) outlives SipEndpoint.close(); exec:java would wait for it forever.
        System.exit(status);
    }

    private static void run(String[] allArgs) throws Exception {
        List<String> positional = new ArrayList<>();
        RecognizerSetup setup = RecognizerSetup.LIVE;
        int recognizers = RecognizerSettings.defaultPoolSize();
        for (int i = 0; i < allArgs.length; i++) {
            switch (allArgs[i]) {
                case "--setup" -> setup = RecognizerSetup.parse(allArgs[++i]);
                case "--recognizers" -> recognizers = Integer.parseInt(allArgs[++i]);
                default -> positional.add(allArgs[i]);
            }
        }
        String[] args = positional.toArray(String[]::new);
        boolean capacity = args.length > 0 && args[0].equals("capacity");
        if (args.length == 0 || !(capacity || args[0].equals("latency"))) {
            throw new IllegalArgumentException("usage: latency|capacity [levels e.g. 1,4,8,16] [drill seconds]");
        }
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : capacity ? "1,4,8,12,16,20,24,28,32" : "1,4,8,16").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path work = Files.createTempDirectory("callsim-loadbench-");
        System.err.println("load bench: work directory (data, agent audio, sipp logs) " + work);
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        Scenario scenario = library.all().stream().filter(s -> s.id().equals(SCENARIO)).findFirst().orElseThrow();
        // Skip the greeting: the caller has already opened; the agent answers the complaint.
        List<String> lines = scenario.agentPhrases().subList(1, 1 + AGENT_LINES);
        AgentAudio audio = AgentAudio.make(work.resolve("audio"), lines, LEAD_IN_S, GAP_S);
        Duration drill = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2].trim()) * 1000
                : (long) Math.ceil(audio.seconds() + 8) * 1000);
        if (drill.toMillis() < audio.seconds() * 1000) {
            throw new IllegalArgumentException("a drill of " + drill.toSeconds() + " s is shorter than the agent audio ("
                    + Math.round(audio.seconds()) + " s)");
        }
        WarningCounter warnings = WarningCounter.install();
        DrillService.Settings settings = new DrillService.Settings(
                new DialPlan(library, scenario, Difficulty.NORMAL), null, TurnDetector.Settings.defaults().withEndOfTurnSilenceMs(END_OF_TURN_MS));
        long started = System.nanoTime();
        List<LoadLevel> results = new ArrayList<>();
        try (CallsimServer server = CallsimServer.start(new CallsimServer.Options("127.0.0.1", 0, PortRange.EPHEMERAL, -1, -1,
                work.resolve("data"), recognizers, settings, AsteriskOptions.NONE, null, List.of(), null, setup))) {
            System.err.printf("load bench: callsim ready in %d s (SIP 127.0.0.1:%d, %d recognisers, set-up %s); agent audio %.0f s, drill %d s%n",
                    (System.nanoTime() - started) / 1_000_000_000, server.sipPort(), recognizers, setup.name(), audio.seconds(),
                    drill.toSeconds());
            // the pool's later recognisers load in the background: measure with all of them
            long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (server.speech().recognizers().size() < recognizers && System.nanoTime() < loadDeadline) TimeUnit.MILLISECONDS.sleep(200);
            for (int calls : levels) {
                LoadLevel level = runLevel(server, work, audio, drill, calls, warnings);
                results.add(level);
                System.err.println("load bench: level " + calls + " done: p95 " + level.results().percentileMs(95)
                        + " ms, worst frame " + Math.round(level.maxLateMs()) + " ms late");
                if (capacity && !level.passes()) break;
            }
        }
        long tookS = (System.nanoTime() - started) / 1_000_000_000;
        printTables(results, capacity, audio, drill, tookS, recognizers + " recognisers (" + setup.name() + ")");
        deleteRecursively(work.resolve("data"));
    }

    private static LoadLevel runLevel(CallsimServer server, Path work, AgentAudio audio, Duration drill, int calls,
                                  WarningCounter warnings) throws IOException, InterruptedException {
        Path drillsDir = server.dataDir().resolve("drills");
        Set<Path> before = drillDirs(drillsDir);
        long heapBefore = usedHeapAfterGcMb();
        // The forced GC stops the media clock too; let it catch up before its lateness counts for this level.
        TimeUnit.SECONDS.sleep(2);
        MediaClock clock = server.mediaClock();
        clock.resetLateness();
        warnings.reset();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        long shed0 = server.speech().recognizers().shedTurns();
        long heard0 = server.speech().recognizers().turnsHeard();
        long narrowed0 = server.speech().recognizers().narrowedSteps();
        double cpuShare;
        double maxLate;
        long ticksLate;
        long heapDuring;
        int inProgress;
        int exit;
        try (SippAgents sipp = SippAgents.start(work.resolve("sipp-" + calls), audio, drill, SCENARIO,
                server.sipPort(), calls)) {
            // Heap with every drill in progress: after the last call's agent audio, before the drills end,
            // so the forced GC's pause falls after the turns being measured.
            long heapAtNanos = t0 + TimeUnit.MILLISECONDS.toNanos((long) ((calls - 1 + audio.seconds() + 4) * 1000));
            TimeUnit.NANOSECONDS.sleep(Math.max(0, heapAtNanos - System.nanoTime()));
            cpuShare = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0) / Runtime.getRuntime().availableProcessors();
            maxLate = clock.maxLatenessMs();
            ticksLate = clock.ticksLateOver40Ms();
            inProgress = server.drills().activeDrills();
            heapDuring = usedHeapAfterGcMb();
            exit = sipp.await();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.drills().activeDrills() > 0 && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(200);
        List<Path> mine = new ArrayList<>(drillDirs(drillsDir));
        mine.removeAll(before);
        mine.sort(Comparator.naturalOrder());
        awaitReports(mine);
        return new LoadLevel(calls, DrillResults.read(mine), maxLate, ticksLate, heapBefore, heapDuring, inProgress, exit,
                cpuShare, warnings.snapshot(), server.speech().recognizers().shedTurns() - shed0,
                server.speech().recognizers().wordsKnownAfterEndMs(heard0),
                server.speech().recognizers().narrowedSteps() - narrowed0);
    }

    /** The journals write report.json on their own threads after the call ends: wait (bounded) for the final one. */
    private static void awaitReports(List<Path> dirs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Path dir : dirs) {
            Path report = dir.resolve("report.json");
            while (System.nanoTime() < deadline && !(Files.exists(report) && complete(report))) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static boolean complete(Path report) {
        try {
            return callsim.review.report.ReportMapper.read(report).complete();
        } catch (IOException e) {
            return false;  // being replaced as we read it
        }
    }

    private static Set<Path> drillDirs(Path drillsDir) throws IOException {
        if (!Files.isDirectory(drillsDir)) return Set.of();
        try (Stream<Path> dirs = Files.list(drillsDir)) {
            return new HashSet<>(dirs.toList());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGcMb() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_000_000;
    }

    private static void printTables(List<LoadLevel> levels, boolean capacity, AgentAudio audio, Duration drill, long tookS,
                                    String recognizers) {
        System.out.printf("Scenario %s (normal), " + recognizers + ", end of turn 700 ms; each agent: %.0f s lead-in, %d lines"
                + " (espeak-ng en-us 150 wpm) each followed by %.0f s of silence; drill %d s; calls start 1/s. Run took %d s.%n%n",
                SCENARIO, audio.leadInSeconds(), audio.lines().size(), audio.gapSeconds(), drill.toSeconds(), tookS);
        System.out.println("| drills | replies | latency p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | agent turns: words / empty"
                + " | ended early | worst frame lateness (ms) | ticks > 40 ms late | JVM CPU (% of all cores) | sipp exit |" + (capacity ? " within limits |" : ""));
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|" + (capacity ? "---|" : ""));
        for (LoadLevel l : levels) {
            DrillResults r = l.results();
            System.out.printf("| %d | %d | %s | %s | %s | %s | %d / %d | %d%s | %.0f | %d | %.0f | %d |%s%n", l.calls(), r.latenciesMs().size(),
                    ms(r.percentileMs(50)), ms(r.percentileMs(95)), ms(r.percentileMs(99)), ms(r.percentileMs(100)),
                    r.turnsWithWords(), r.emptyTurns(), r.endedEarly(), r.incomplete() > 0 ? " (" + r.incomplete() + " report incomplete)" : "",
                    l.maxLateMs(), l.ticksLate(), l.cpuShare() * 100, l.sippExit(), capacity ? (l.passes() ? " yes |" : " **no** |") : "");
        }
        if (capacity) {
            int largest = levels.stream().filter(LoadLevel::passes).mapToInt(LoadLevel::calls).max().orElse(0);
            LoadLevel last = levels.get(levels.size() - 1);
            System.out.printf("%nCapacity: %d concurrent drills (largest level within p95 <= %d ms and frames <= %.0f ms late)%s%n",
                    largest, P95_LIMIT_MS, LATE_LIMIT_MS, last.passes() ? "; every level tried passed" : "; first failing level " + last.calls());
        }
        System.out.println();
        System.out.println("| drills | in progress at heap sample | used heap after GC, 0 drills (MB) | with the drills (MB) | per drill (MB) |");
        System.out.println("|---|---|---|---|---|");
        for (LoadLevel l : levels) {
            System.out.printf("| %d | %d | %d | %d | %s |%n", l.calls(), l.inProgressAtHeap(), l.heapBeforeMb(), l.heapDuringMb(),
                    l.inProgressAtHeap() == 0 ? "–" : String.format("%.1f", (l.heapDuringMb() - l.heapBeforeMb()) / (double) l.inProgressAtHeap()));
        }
        System.out.println();
        // The end of a turn is decided from its words (a finished sentence ends it at the pause), so the split
        // starts at the agent's last voiced frame: end-of-turn pause + recognition, then reply + synthesis.
        // The last column is recognition alone: from the end of each stretch of speech the recogniser was given (the
        // voice detector's "speech stopped", while the end-of-turn pause runs) until its words were known.
        System.out.println("| drills | agent's last voiced frame → words known, p50 / p95 (ms) | words known → caller's voice on"
                + " the line, p50 / p95 (ms) | turns shed | caller lines started while the agent spoke (not barge-ins)"
                + " | stretches of speech: audio end → words known, p50 / p95 / max (ms)"
                + " | search steps narrowed to catch up (behind the line) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (LoadLevel l : levels) {
            DrillResults r = l.results();
            List<Long> lags = l.wordsKnownAfterAudioEndMs();
            System.out.printf("| %d | %s / %s | %s / %s | %d | %d | %s / %s / %s (%d) | %d |%n", l.calls(),
                    ms(DrillResults.percentile(r.wordsWaitMs(), 50)), ms(DrillResults.percentile(r.wordsWaitMs(), 95)),
                    ms(DrillResults.percentile(r.voiceWaitMs(), 50)), ms(DrillResults.percentile(r.voiceWaitMs(), 95)),
                    l.shedTurns(), r.staleReplies(), ms(DrillResults.percentile(lags, 50)), ms(DrillResults.percentile(lags, 95)),
                    ms(DrillResults.percentile(lags, 100)), lags.size(), l.narrowedSteps());
        }
        System.out.println();
        for (LoadLevel l : levels) {
            System.out.println("Outcomes at " + l.calls() + ": " + l.results().outcomes() + (l.warnings().isEmpty() ? "; no warnings"
                    : "; warnings logged: " + l.warnings()));
        }
    }

    private static String ms(long value) {
        return value < 0 ? "–" : String.valueOf(value);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Counts WARNING and worse log lines per kind (drill ids and numbers blanked), per level. */
    static final class WarningCounter extends Handler {
        private final Map<String, Integer> counts = new TreeMap<>();

        static WarningCounter install() {
            WarningCounter counter = new WarningCounter();
            counter.setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(counter);
            return counter;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) return;
            String message = String.valueOf(record.getMessage())
                    .replaceAll("drill \\S+( \\[[^]]*])?", "drill X").replaceAll("\\d+", "N");
            counts.merge(message.length() > 90 ? message.substring(0, 90) + "…" : message, 1, Integer::sum);
        }

        synchronized void reset() {
            counts.clear();
        }

        synchronized Map<String, Integer> snapshot() {
            return new TreeMap<>(counts);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
