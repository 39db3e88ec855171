package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses the caller's lines with the drill's seeded generator. A line is not said twice in a drill
 * while the situation has one left unsaid (in the caller's band, else the nearest band); when all are
 * used up, the one said longest ago comes back.
 */
final class LinePicker {
    private final Random random;
    /** Every line said, oldest first (a line said again moves to the end). */
    private final List<String> said = new ArrayList<>();

    LinePicker(long seed) {
        this.random = new Random(mixed(seed));
    }

    /**
     * The seed with its bits spread (SplitMix64's finaliser): java.util.Random's first draws from
     * neighbouring seeds (1, 2, 3 ...) are nearly the same, so drills replayed with small seeds all
     * opened alike.
     */
    private static long mixed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    String pick(List<String> pool) {
        return pickNearest(List.of(pool));
    }

    /** Picks from the first pool with a line not said yet; {@code poolsNearestFirst} must hold at least one line. */
    String pickNearest(List<List<String>> poolsNearestFirst) {
        for (List<String> pool : poolsNearestFirst) {
            List<String> fresh = pool.stream().filter(line -> !said.contains(line)).toList();
            if (!fresh.isEmpty()) return remember(fresh.get(random.nextInt(fresh.size())));
        }
        List<String> first = poolsNearestFirst.stream().filter(p -> !p.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lines to pick from"));
        String oldest = said.stream().filter(first::contains).findFirst().orElse(first.get(0));
        return remember(oldest);
    }

    /** One of a few small variations (a lead-in, say), chosen with the same generator but not remembered. */
    String vary(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String remember(String line) {
        said.remove(line);
        said.add(line);
        return line;
    }
}
