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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Figure (e, start-up): time to "speech ready" as CallsimServer does it (caller voice + a recogniser
 * pool: the first recogniser loaded and primed, the rest in the background), time until the whole
 * pool is loaded, and heap per recogniser: used heap after GC before and after loading pools of N.
 *
 * <p>Usage: {@code bench/run startup [LARGEST_N] [--pools N,N,…] [--setup SPEC] [--vs SPEC]}: pools of 1, 2,
 * 4 … up to LARGEST_N (default 8), or the sizes listed, each set-up in turn for each size (A B A B), in one
 * JVM, each closed before the next. The first row is the JVM's first load, as at serve's start (the shared
 * general model and the decoder's classes are loaded then; later rows find them loaded). As in serve, the
 * caller's voice loads beside the recognisers; the voice's own few MB count in the heap column.
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int maxN = 8;
        List<Integer> pools = null;
        List<RecognizerSetup> setups = new ArrayList<>();
        RecognizerSetup first = RecognizerSetup.LIVE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--setup" -> first = RecognizerSetup.parse(args[++i]);
                case "--vs" -> setups.add(RecognizerSetup.parse(args[++i]));
                case "--pools" -> pools = java.util.Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::valueOf).toList();
                default -> maxN = Integer.parseInt(args[i].trim());
            }
        }
        if (pools == null) {
            List<Integer> doubling = new ArrayList<>();
            for (int n = 1; n <= maxN; n *= 2) doubling.add(n);
            pools = doubling;
        }
        setups.add(0, first);
        System.out.println("| set-up | recognisers | speech ready (ms) | whole pool loaded (ms) | per recogniser load+prime (ms) | recognisers' heap after GC (MB) | heap per recogniser (MB) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n : pools) {
            for (RecognizerSetup setup : setups) {
                long before = usedAfterGc();
                long start = System.nanoTime();
                CompletableFuture<CallerVoice> loading = CompletableFuture.supplyAsync(CallerVoice::load);
                try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(n).withSetup(setup))) {
                    CallerVoice voice = loading.join();
                    long readyMs = (System.nanoTime() - start) / 1_000_000;
                    while (pool.size() < n) TimeUnit.MILLISECONDS.sleep(50);
                    long allMs = (System.nanoTime() - start) / 1_000_000;
                    long withPool = usedAfterGc();
                    System.out.printf("| %s | %d | %d | %d | %s | %.0f | %.0f |%n", setup.name(), n, readyMs, allMs, pool.loadTimes().stream().map(Duration::toMillis).map(String::valueOf).toList(),
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
