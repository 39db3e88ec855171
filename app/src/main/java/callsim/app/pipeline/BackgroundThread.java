package callsim.app.pipeline;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes the calling thread yield the CPU to everything else: Linux ignores Java thread priorities by default, so
 * the thread's own scheduling priority (nice) is raised to 19, the lowest, with {@code renice} on its thread id.
 * On Linux a thread's nice value is its own; the rest of the process keeps its priority.
 */
final class BackgroundThread {
    private static final System.Logger LOG = System.getLogger(BackgroundThread.class.getName());
    static final int NICE = 19;

    private BackgroundThread() {
    }

    /** Lowers the calling thread's priority; false (logged) where that cannot be done (not Linux, no renice). */
    static boolean lowerCurrentThread(String what) {
        try {
            // /proc/thread-self is "<pid>/task/<tid>" for the calling thread
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            String tid = self.getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) return true;
            renice.destroyForcibly();
            LOG.log(Level.INFO, what + " runs at normal priority (renice failed); it still gives way to live recognition");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, what + " runs at normal priority (" + e.getMessage() + "); it still gives way to live recognition");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The calling thread's nice value, from /proc (Linux); for tests. */
    static int currentNice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        // fields after the command name (which is in parentheses and may hold spaces); nice is field 19
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
