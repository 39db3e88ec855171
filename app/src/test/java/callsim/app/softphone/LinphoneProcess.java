package callsim.app.softphone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The linphonec child process: commands in on stdin (each acknowledged by linphonec echoing it),
 * output collected by {@link ProcessOutput}, and a shutdown that never leaves the process behind.
 */
final class LinphoneProcess implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(5);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(LinphoneProcess.class.getName());

    private final Process process;
    private final ProcessOutput output;
    private final OutputStream stdin;
    private final Thread killOnExit;
    private boolean closed;

    private LinphoneProcess(Process process, Path logFile) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.output = new ProcessOutput(process.getInputStream(), logFile, "linphonec-output-" + process.pid());
        // Covers a JVM that exits without close(), e.g. a test run killed on timeout.
        this.killOnExit = new Thread(() -> killTree(process), "linphonec-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static LinphoneProcess start(Path config, Path home, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder("linphonec", "-c", config.toString()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        // linphonec echoes each command through readline, which wraps it at 80 columns without this.
        builder.environment().put("COLUMNS", "10000");
        try {
            return new LinphoneProcess(builder.start(), logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run linphonec (install it: apt-get install linphone-cli)", e);
        }
    }

    ProcessOutput output() {
        return output;
    }

    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return !closed && process.isAlive();
    }

    /** Writes a command and waits until linphonec echoes it, i.e. has read it and acted on it. */
    synchronized void send(String command) throws IOException {
        if (!isRunning()) {
            throw new IllegalStateException("linphonec is not running; cannot send '" + command + "'\n"
                    + output.tail());
        }
        int mark = output.mark();
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        output.await(Pattern.compile("^" + Pattern.quote(command) + "$"), null, mark, COMMAND_TIMEOUT,
                "linphonec handling '" + command + "'");
    }

    /** Sends {@code quit}; kills linphonec (and anything it started) if it has not exited in time. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            stdin.close();
        } catch (IOException e) {
            // linphonec already closed its stdin: it is exiting or gone.
        }
        try {
            if (!process.waitFor(QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "linphonec ignored quit; killing it");
                killTree(process);
                if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("linphonec " + process.pid() + " survived SIGKILL");
                }
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        } finally {
            output.join(Duration.ofSeconds(2));
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook's kill is then harmless.
            }
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
