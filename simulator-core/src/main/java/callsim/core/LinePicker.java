package callsim.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/** Chooses the caller's lines with the drill's seeded generator, avoiding lines said recently. */
final class LinePicker {
    private static final int REMEMBERED = 8;

    private final Random random;
    private final Deque<String> recent = new ArrayDeque<>();

    LinePicker(long seed) {
        this.random = new Random(seed);
    }

    String pick(List<String> pool) {
        if (pool.isEmpty()) throw new IllegalStateException("no lines to pick from");
        List<String> fresh = pool.stream().filter(line -> !recent.contains(line)).toList();
        List<String> candidates = fresh.isEmpty() ? pool : fresh;
        String line = candidates.get(random.nextInt(candidates.size()));
        recent.addLast(line);
        if (recent.size() > REMEMBERED) recent.removeFirst();
        return line;
    }
}
