package callsim.bench;

import callsim.speech.CallerVoice;
import callsim.speech.RecognizerPool;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Figure (e, start-up): time to "speech ready" as CallsimServer does it (caller voice + a recogniser
 * pool, loaded and primed), and heap per recogniser: used heap after GC before and after loading
 * pools of N recognisers. Argument: largest N (default 4).
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int maxN = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 4;
        System.out.println("| recognisers | speech ready (ms) | per recogniser load+prime (ms) | recognisers' heap after GC (MB) | heap per recogniser (MB) |");
        System.out.println("|---|---|---|---|---|");
        for (int n = 1; n <= maxN; n *= 2) {
            long start = System.nanoTime();
            CallerVoice voice = CallerVoice.load();
            long voiceNanos = System.nanoTime() - start;
            long before = usedAfterGc(); // after the voice: the difference is the recognisers alone
            start = System.nanoTime();
            try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(n))) {
                long readyMs = (voiceNanos + System.nanoTime() - start) / 1_000_000;
                long withPool = usedAfterGc();
                System.out.printf("| %d | %d (voice %d) | %s | %.0f | %.0f |%n", n, readyMs, voiceNanos / 1_000_000,
                    pool.loadTimes().stream().map(Duration::toMillis).map(String::valueOf).toList(),
                    (withPool - before) / 1e6, (withPool - before) / 1e6 / n);
                Reference.reachabilityFence(voice); // the voice stays loaded, as in the server
            }
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
