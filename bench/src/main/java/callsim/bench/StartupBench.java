package callsim.bench;

import callsim.speech.CallerVoice;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSetup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure (e, start-up): time to "speech ready" as CallsimServer does it (caller voice + a recogniser
 * pool: one recogniser per core loaded and primed, the rest in the background), time until the whole
 * pool is loaded, and heap per recogniser: used heap after GC before and after loading pools of N.
 *
 * <p>Usage: {@code bench/run startup [LARGEST_N] [--setup SPEC] [--vs SPEC]}: pools of 1, 2, 4 … up to
 * LARGEST_N (default 8), each set-up in turn for each N (A B A B), in one JVM, each closed before the next.
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int maxN = 8;
        List<RecognizerSetup> setups = new ArrayList<>();
        RecognizerSetup first = RecognizerSetup.LIVE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--setup" -> first = RecognizerSetup.parse(args[++i]);
                case "--vs" -> setups.add(RecognizerSetup.parse(args[++i]));
                default -> maxN = Integer.parseInt(args[i].trim());
            }
        }
        setups.add(0, first);
        System.out.println("| set-up | recognisers | speech ready (ms) | whole pool loaded (ms) | per recogniser load+prime (ms) | recognisers' heap after GC (MB) | heap per recogniser (MB) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n = 1; n <= maxN; n *= 2) {
            for (RecognizerSetup setup : setups) {
                long start = System.nanoTime();
                CallerVoice voice = CallerVoice.load();
                long voiceNanos = System.nanoTime() - start;
                long before = usedAfterGc(); // after the voice: the difference is the recognisers alone
                start = System.nanoTime();
                try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(n).withSetup(setup))) {
                    long readyMs = (voiceNanos + System.nanoTime() - start) / 1_000_000;
                    while (pool.size() < n) TimeUnit.MILLISECONDS.sleep(50);
                    long allMs = (voiceNanos + System.nanoTime() - start) / 1_000_000;
                    long withPool = usedAfterGc();
                    System.out.printf("| %s | %d | %d (voice %d) | %d | %s | %.0f | %.0f |%n", setup.name(), n, readyMs,
                        voiceNanos / 1_000_000, allMs, pool.loadTimes().stream().map(Duration::toMillis).map(String::valueOf).toList(),
                        (withPool - before) / 1e6, (withPool - before) / 1e6 / n);
                    Reference.reachabilityFence(voice); // the voice stays loaded, as in the server
                }
            }
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
