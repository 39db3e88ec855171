package callsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * N agents dialling callsim at once with sipp (UAC, the agent-drill scenario), one call per agent,
 * started one per second. sipp binds to 127.0.0.1 only, takes its RTP ports from its own range
 * (from 42000 up), is bounded in calls (-m), concurrency (-l) and time (-timeout), logs under a
 * directory in /tmp, and is always killed when the run ends.
 */
final class SippAgents implements AutoCloseable {
    static final int MEDIA_PORT_BASE = 42000;
    private final Process process;
    private final Path logDir;
    private final Duration bound;
    private final Thread killOnExit;

    private SippAgents(Process process, Path logDir, Duration bound) {
        this.process = process;
        this.logDir = logDir;
        this.bound = bound;
        // Ctrl-C or a killed bench must not leave sipp calling a server that is gone.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-sipp");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Writes the scenario for this audio and drill length and starts sipp for {@code calls} calls. */
    static SippAgents start(Path logDir, AgentAudio audio, Duration drill, String service, int sipPort, int calls)
            throws IOException {
        Files.createDirectories(logDir);
        String template;
        try (InputStream in = SippAgents.class.getResourceAsStream("agent-drill.sipp.xml")) {
            if (in == null) throw new IOException("agent-drill.sipp.xml is not on the classpath");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path scenario = logDir.resolve("agent-drill.xml");
        Files.writeString(scenario, template.replace("@AGENT_AUDIO@", audio.wav().toString())
                .replace("@DRILL_MS@", String.valueOf(drill.toMillis())));
        // Calls start 1/s; each lasts the drill plus set-up; then a margin for BYE transactions.
        Duration bound = drill.plusSeconds(calls + 30);
        ProcessBuilder builder = new ProcessBuilder("sipp", "127.0.0.1:" + sipPort,
                "-sf", scenario.toString(), "-s", service,
                "-i", "127.0.0.1", "-bind_local", "-mi", "127.0.0.1", "-mp", String.valueOf(MEDIA_PORT_BASE),
                "-m", String.valueOf(calls), "-l", String.valueOf(calls), "-r", "1", "-rp", "1000",
                "-timeout", bound.toSeconds() + "s", "-timeout_error",
                "-nostdin", "-trace_err", "-error_file", logDir.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", logDir.resolve("screen.log").toString())
                .directory(logDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("stdout.log").toFile());
        return new SippAgents(builder.start(), logDir, bound);
    }

    /** Waits for sipp to finish its calls; its exit code (0: every call succeeded, 1: some failed). */
    int await() throws InterruptedException {
        if (!process.waitFor(bound.toSeconds() + 15, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("sipp did not stop within its own -timeout; killed (logs in " + logDir + ")");
        }
        return process.exitValue();
    }

    Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run
        }
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
