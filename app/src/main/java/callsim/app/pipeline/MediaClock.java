package callsim.app.pipeline;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that paces every call's audio: it ticks every 20 ms against absolute deadlines on
 * the monotonic clock (System.nanoTime), so frames never drift, and if the thread is ever late it
 * catches up with back-to-back ticks instead of stretching the call's timeline.
 */
public final class MediaClock implements AutoCloseable {
    public static final int FRAME_MS = 20;
    /** Samples in one frame at the line's 8 kHz. */
    public static final int FRAME_SAMPLES = 160;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(FRAME_MS);
    private static final long LATE_AUDIBLE_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final Logger LOG = System.getLogger(MediaClock.class.getName());

    /** Something that does one frame's worth of work per tick. */
    public interface Ticking {
        /** Called once per 20 ms frame; returns false when it is finished and can be dropped. */
        boolean tick();

        /** {@link #tick} threw: the member has been dropped and must wind itself up (report, threads, line). */
        default void failed(Throwable error) {}
    }

    private final CopyOnWriteArrayList<Ticking> members = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lateTicks;
    // Lateness of a tick's last frame (its deadline → every member ticked): how late the outbound audio went out.
    private volatile long maxLatenessNanos;
    private volatile long ticksOver40Ms;

    public MediaClock() {
        thread = new Thread(this::run, "media-clock");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    public void add(Ticking member) {
        members.add(member);
    }

    public int size() {
        return members.size();
    }

    /** Ticks that started more than one frame late since start (a sign of overload). */
    public long lateTicks() {
        return lateTicks;
    }

    /** The most any tick finished after its deadline since start (or since {@link #resetLateness}), in ms. */
    public double maxLatenessMs() {
        return maxLatenessNanos / 1e6;
    }

    /** Ticks whose frames all went out more than 40 ms after their deadline (two frames late: audible). */
    public long ticksLateOver40Ms() {
        return ticksOver40Ms;
    }

    /** Starts the two lateness figures afresh, so a benchmark can measure one load level at a time. */
    public void resetLateness() {
        maxLatenessNanos = 0;
        ticksOver40Ms = 0;
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            if (now - next > FRAME_NANOS) lateTicks++;
            for (Ticking member : members) {
                try {
                    if (!member.tick()) members.remove(member);
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    // One broken call must not stop the audio of every other call. (Out of memory and
                    // other VM errors still end the thread: nothing sensible can go on after them.)
                    LOG.log(Level.ERROR, "call pipeline failed on a tick; dropping it", e);
                    members.remove(member);
                    try {
                        member.failed(e);
                    } catch (RuntimeException | LinkageError | AssertionError again) {
                        LOG.log(Level.ERROR, "call pipeline could not wind up after its failure", again);
                    }
                }
            }
            long lateness = System.nanoTime() - next;
            if (lateness > maxLatenessNanos) maxLatenessNanos = lateness;
            if (lateness > LATE_AUDIBLE_NANOS) ticksOver40Ms++;
            next += FRAME_NANOS;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
