package callsim.telephony.asterisk;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * AmiClient's one daemon thread. Work handed over after shutdown is dropped silently: by then the
 * client is closed and nothing should run.
 */
final class AmiWorker {
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    AmiWorker(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread created = new Thread(task, threadName);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // shut down
        }
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shut down
        }
    }

    void every(Runnable task, Duration period) {
        try {
            executor.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shut down
        }
    }

    boolean isWorkerThread() {
        return Thread.currentThread() == thread;
    }

    /** Drops queued work and interrupts the running task, if any. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    /** False if the running task is still busy after {@code timeout} (e.g. a TCP connect to a dead host). */
    boolean awaitTermination(Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
