package callsim.app.softphone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects a child process's output lines (copied to a log file with millisecond timestamps) and
 * lets callers wait, bounded in time, for a line matching a pattern after a given position.
 */
final class ProcessOutput {
    /** linphonec prints its prompt without a newline, so it prefixes whatever line comes next. */
    private static final Pattern PROMPTS = Pattern.compile("^(linphonec> )+");
    private static final int TAIL_LINES = 60;

    private final List<String> lines = new ArrayList<>();
    private final Path logFile;
    private final long startNanos = System.nanoTime();
    private final Thread pump;
    private boolean ended;

    ProcessOutput(InputStream stream, Path logFile, String threadName) {
        this.logFile = logFile;
        this.pump = new Thread(() -> pump(stream), threadName);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String clean = PROMPTS.matcher(line).replaceFirst("");
                long millis = (System.nanoTime() - startNanos) / 1_000_000;
                log.write(String.format("%8d| %s%n", millis, clean));
                log.flush();
                synchronized (this) {
                    lines.add(clean);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process went away mid-line; what was read so far stays available.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Position to pass to {@link #await} so that only lines printed from now on count. */
    synchronized int mark() {
        return lines.size();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line at or after {@code from} that matches, if any, without waiting. */
    synchronized Optional<Matcher> find(Pattern pattern, int from) {
        for (int i = from; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lines.get(i));
            if (m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for a line at or after {@code from} matching {@code pattern}; a line matching
     * {@code failure} (may be null) first, the end of the output, or the timeout throw an
     * {@link IllegalStateException} that names what was awaited and shows the output's tail.
     */
    synchronized Matcher await(Pattern pattern, Pattern failure, int from, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        while (true) {
            for (; next < lines.size(); next++) {
                String line = lines.get(next);
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
                if (failure != null && failure.matcher(line).find()) {
                    throw new IllegalStateException(what + " failed: '" + line + "'\n" + tail());
                }
            }
            long left = deadline - System.nanoTime();
            if (ended) {
                throw new IllegalStateException(what + ": the process ended first\n" + tail());
            }
            if (left <= 0) {
                throw new IllegalStateException(what + ": nothing within " + timeout + "\n" + tail());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted\n" + tail(), e);
            }
        }
    }

    synchronized String tail() {
        int from = Math.max(0, lines.size() - TAIL_LINES);
        return "--- last " + (lines.size() - from) + " output lines (full log: " + logFile + ") ---\n"
                + String.join("\n", lines.subList(from, lines.size()));
    }

    /** Waits for the pump to drain the stream after the process ended. */
    void join(Duration timeout) {
        try {
            pump.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while draining output", e));
        }
    }
}
