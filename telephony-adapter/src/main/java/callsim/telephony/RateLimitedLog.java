package callsim.telephony;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Log lines about input we did not ask for (garbage datagrams, refused peers, broken frames): the first
 * few of each kind per minute are written, the rest only counted, and the count is written with the
 * next line of that kind after the minute is over. A flood cannot fill the disk or bury other lines.
 */
public final class RateLimitedLog {
    /** Kinds tracked at once (keys are often peer addresses, which an attacker can vary). */
    private static final int MAX_KINDS = 1024;
    private static final String OTHER_KINDS = "(other)";

    private final System.Logger log;
    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    // guarded by this; insertion order = window start order, so the oldest is evicted first
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final long startNanos;
        int logged;
        long suppressed;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    public RateLimitedLog(System.Logger log, int perWindow, Duration window) {
        this(log, perWindow, window, System::nanoTime);
    }

    RateLimitedLog(System.Logger log, int perWindow, Duration window, LongSupplier nanoClock) {
        if (perWindow < 1) throw new IllegalArgumentException("at least one line per window, got " + perWindow);
        this.log = log;
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The first lines of each kind per minute, then a count of the rest: for malformed input. */
    public static RateLimitedLog perMinute(System.Logger log, int perMinute) {
        return new RateLimitedLog(log, perMinute, Duration.ofMinutes(1));
    }

    /**
     * Writes {@code message} unless {@code kind} already had its lines in this window; the message is only
     * built when written. Returns whether it was written.
     */
    public boolean log(Level level, String kind, Supplier<String> message) {
        synchronized (this) {
            long now = nanoClock.getAsLong();
            evictExpired(now);
            String key = windows.containsKey(kind) || windows.size() < MAX_KINDS ? kind : OTHER_KINDS;
            Window window = windows.computeIfAbsent(key, k -> new Window(now));
            if (window.logged >= perWindow) {
                window.suppressed++;
                return false;
            }
            window.logged++;
        }
        log.log(level, message.get());
        return true;
    }

    /** A window that is over: its count of unwritten lines is written now (with the next line of any kind). */
    private void evictExpired(long now) {
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> entry = it.next();
            if (now - entry.getValue().startNanos < windowNanos) break;
            it.remove();
            long suppressed = entry.getValue().suppressed;
            if (suppressed > 0) {
                log.log(Level.WARNING, suppressed + " more line(s) like the last about " + entry.getKey()
                        + " were not logged in " + Duration.ofNanos(windowNanos).toSeconds() + " s");
            }
        }
    }
}
