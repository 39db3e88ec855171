package callsim.review.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster from the distribution's own binaries ({@code /usr/lib/postgresql/N/bin}):
 * initdb in a temp directory, listening on 127.0.0.1 at a free port with trust authentication and its
 * socket inside the directory. As root it runs as the {@code postgres} OS user (PostgreSQL refuses root).
 * {@link #stop()} and {@link #start()} keep the port and the data; {@link #close()} stops it and deletes
 * everything, and a shutdown hook does the same if the test JVM ends first.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final List<String> asUser;
    private final Thread shutdownHook;
    private int port;
    private boolean running;

    private LocalPostgres(Path bin, Path dir, List<String> asUser) {
        this.bin = bin;
        this.dir = dir;
        this.asUser = asUser;
        this.shutdownHook = new Thread(this::emergencyStop, "local-postgres-cleanup");
    }

    /**
     * Creates and starts a cluster. Without PostgreSQL binaries the calling test is skipped, except under
     * {@code CI=true}, where a missing server is a broken machine and fails the test.
     */
    public static LocalPostgres create() throws IOException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String why = "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; install the postgresql package";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(why + " (CI=true: not skipping)");
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("callsim-pg-");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(USER));
        }
        LocalPostgres pg = new LocalPostgres(bin.get(), dir, root ? List.of("runuser", "-u", USER, "--") : List.of());
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        try {
            pg.run("initdb", List.of(bin.get().resolve("initdb").toString(), "-D", pg.data().toString(), "-U", USER,
                    "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            Files.createDirectories(dir.resolve("run"));
            if (root) Files.setOwner(dir.resolve("run"), dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER));
            pg.startOnFreePort();
            return pg;
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    static Optional<Path> binaries() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(Paths.get("/usr/lib/postgresql"))) {
            for (Path version : versions) {
                Path bin = version.resolve("bin");
                if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) found.add(bin);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        // The newest major version: directory names are the version numbers.
        return found.stream().max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty database in this cluster; its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "callsim_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** Stops the server (fast: clients are disconnected), keeping its data and port. */
    synchronized void stop() throws IOException {
        if (!running) return;
        run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "30", "stop"));
        running = false;
    }

    /** Starts it again on the same port with the same data. */
    synchronized void start() throws IOException {
        if (running) return;
        run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k " + dir.resolve("run") + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c full_page_writes=off", "start"));
        running = true;
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            emergencyStop();
        } finally {
            delete();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }

    private void startOnFreePort() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            try {
                start();
                return;
            } catch (IOException e) {
                last = e;  // someone took the port between probe and start: try another
            }
        }
        throw last;
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void emergencyStop() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "-t", "20", "stop"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("local PostgreSQL in " + dir + " may still be running: " + e.getMessage());
        }
        delete();
    }

    private void delete() {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Runs one PostgreSQL command (as the postgres user when we are root), bounded in time. */
    private void run(String what, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(command);
        Path output = Files.createTempFile("callsim-pg-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean done;
            try {
                done = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(what + " interrupted", e);
            }
            if (!done) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s: " + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + process.exitValue() + "): " + tail(output) + tail(dir.resolve("postgres.log")));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) return "";
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
