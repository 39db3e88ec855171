package callsim.app.scaleout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The distribution's Kamailio ({@code apt-get install kamailio}) running the documented
 * {@code docs/kamailio/kamailio.cfg} in the foreground on a free loopback UDP port, with its own
 * dispatcher list and runtime directory in a temp directory. Its log (stderr) is kept line by line
 * with the time each line arrived. {@link #close()} stops it and every process it forked.
 */
final class KamailioProcess implements AutoCloseable {
    static final Path BINARY = Paths.get("/usr/sbin/kamailio");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** One line of Kamailio's log and when the test read it. */
    record LogLine(Instant at, String text) {}

    private final Process process;
    private final Path dir;
    private final int port;
    private final List<LogLine> log = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final Thread killOnExit;

    private KamailioProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.reader = new Thread(this::readLog, "kamailio-log-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        // Covers a test JVM that ends without close(), e.g. killed on a time-out.
        this.killOnExit = new Thread(() -> killTree(process), "kamailio-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts Kamailio with the documented config, dispatching to {@code nodes} (set 1). Without the
     * binary the calling test is skipped, except under {@code CI=true}, where that is a broken machine.
     */
    static KamailioProcess start(List<InetSocketAddress> nodes) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            String why = "no " + BINARY + "; install the kamailio package";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(why + " (CI=true: not skipping)");
            Assumptions.abort(why);
        }
        Path config = documentedConfig();
        Path dir = Files.createTempDirectory("callsim-kamailio-");
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, nodes.stream()
                .map(node -> "1 sip:" + node.getHostString() + ":" + node.getPort() + " 0 0 name=" + node.getPort())
                .collect(Collectors.joining("\n", "", "\n")));
        for (int attempt = 1; ; attempt++) {
            int port = freeUdpPort();
            List<String> command = List.of(BINARY.toString(), "-DD", "-E", "-f", config.toString(), "-Y", dir.toString(),
                    "-m", "32", "-M", "4",
                    "-A", "LISTEN=udp:127.0.0.1:" + port,
                    "-A", "DISPATCHER_LIST=\"" + list + "\"");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            KamailioProcess kamailio = new KamailioProcess(process, dir, port);
            try {
                kamailio.awaitListening();
                return kamailio;
            } catch (RuntimeException e) {
                kamailio.stopProcess();
                // Someone may have taken the port between our probe and Kamailio's bind: try another.
                if (attempt == 3) {
                    delete(dir);
                    throw e;
                }
            }
        }
    }

    /** Until Kamailio holds its UDP port (it reads the whole config first). */
    private void awaitListening() {
        awaitWhileLogging(() -> !portFree(port), START_TIMEOUT, "bind udp 127.0.0.1:" + port);
    }

    /** Re-checks {@code done} as each log line arrives (and every 50 ms); fails with the log's tail. */
    private void awaitWhileLogging(java.util.function.BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) throw new IllegalStateException("kamailio exited (" + process.exitValue() + "):\n" + tail());
            if (System.nanoTime() > deadline) throw new IllegalStateException("kamailio did not " + what + " within " + timeout + ":\n" + tail());
            synchronized (log) {
                try {
                    log.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** The cfg the README documents, found from the module or the repository root. */
    static Path documentedConfig() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path config = dir.resolve("docs/kamailio/kamailio.cfg");
            if (Files.isRegularFile(config)) return config;
        }
        throw new IllegalStateException("docs/kamailio/kamailio.cfg not found above " + Paths.get("").toAbsolutePath());
    }

    int port() {
        return port;
    }

    /** The address agents dial: {@code sip:EXTENSION@127.0.0.1:PORT}. */
    String uriFor(String extension) {
        return "sip:" + extension + "@127.0.0.1:" + port;
    }

    List<LogLine> log() {
        return List.copyOf(log);
    }

    /** The first log line matching, waiting at most {@code timeout}; fails with the log's tail. */
    LogLine awaitLog(Predicate<String> matches, Duration timeout) {
        awaitWhileLogging(() -> firstMatching(matches) != null, timeout, "log what was awaited");
        return firstMatching(matches);
    }

    private LogLine firstMatching(Predicate<String> matches) {
        for (LogLine line : log) {
            if (matches.test(line.text())) return line;
        }
        return null;
    }

    String tail() {
        List<LogLine> lines = log();
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .map(LogLine::text).collect(Collectors.joining("\n"));
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                log.add(new LogLine(Instant.now(), line));
                synchronized (log) {
                    log.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Stops it and deletes its directory. */
    @Override
    public void close() {
        stopProcess();
        delete(dir);
    }

    /** SIGTERM (Kamailio then stops its children), SIGKILL for anything left after a grace period. */
    private void stopProcess() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) killTree(process);
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook kills it anyway
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    private static boolean portFree(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            all.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
