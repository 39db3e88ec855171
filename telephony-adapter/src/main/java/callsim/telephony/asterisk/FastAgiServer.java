package callsim.telephony.asterisk;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training extension's FastAGI listener (Asterisk-Java underneath). For each
 * {@code AGI(agi://HOST:PORT/drill?...)}: ANSWER, ask the handler for a target, then
 * {@code EXEC AudioSocket uuid,host:port}; hang up when AudioSocket returns.
 *
 * <p>One thread per call (a call holds its connection for the whole drill), at most
 * {@value #MAX_CONCURRENT_CALLS} at once. Asterisk-Java's own {@code DefaultAgiServer} is not used: it
 * cannot report the port it bound when asked for port 0, sets {@code AJ_AGISTATUS} after our hang-up,
 * and cannot stop workers that are waiting for a drill to end.
 */
public final class FastAgiServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 4573;
    static final int MAX_CONCURRENT_CALLS = 200;
    private static final System.Logger LOG = System.getLogger(FastAgiServer.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Asterisk sends the environment as soon as it connects, and answers each command at once; a connection that does not is not Asterisk. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket serverSocket;
    private final TrainingCallHandler handler;
    private final callsim.telephony.AllowedPeers allowed;
    private final callsim.telephony.RateLimitedLog malformed = callsim.telephony.RateLimitedLog.perMinute(
            System.getLogger(AgiConnection.class.getName()), 5);
    private final Duration requestTimeout;
    private final Set<AgiSocket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FastAgiServer(ServerSocket serverSocket, TrainingCallHandler handler, Duration requestTimeout,
                          callsim.telephony.AllowedPeers allowed) {
        this.serverSocket = serverSocket;
        this.allowed = allowed;
        this.handler = handler;
        this.requestTimeout = requestTimeout;
        this.workers = new ThreadPoolExecutor(0, MAX_CONCURRENT_CALLS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> newThread(r, "callsim-fastagi-" + port() + "-" + threadCount.incrementAndGet()));
        this.acceptor = newThread(this::acceptLoop, "callsim-fastagi-" + port() + "-accept");
    }

    /** Listens on {@code bind} (port 0 picks a free one) until closed. */
    public static FastAgiServer start(InetSocketAddress bind, TrainingCallHandler handler) throws IOException {
        return start(bind, handler, bind == null ? null : callsim.telephony.AllowedPeers.defaultFor(bind.getAddress().getHostAddress()));
    }

    /** As above, accepting connections only from {@code allowed} peers. */
    public static FastAgiServer start(InetSocketAddress bind, TrainingCallHandler handler, callsim.telephony.AllowedPeers allowed)
            throws IOException {
        return start(bind, handler, REQUEST_TIMEOUT, allowed);
    }

    static FastAgiServer start(InetSocketAddress bind, TrainingCallHandler handler, Duration requestTimeout) throws IOException {
        return start(bind, handler, requestTimeout, callsim.telephony.AllowedPeers.defaultFor(bind.getAddress().getHostAddress()));
    }

    static FastAgiServer start(InetSocketAddress bind, TrainingCallHandler handler, Duration requestTimeout,
                               callsim.telephony.AllowedPeers allowed) throws IOException {
        if (bind == null || handler == null || allowed == null) {
            throw new IllegalArgumentException("bind address and training call handler are required");
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(bind);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen for FastAGI on " + bind + ": " + e.getMessage(), e);
        }
        FastAgiServer server = new FastAgiServer(socket, handler, requestTimeout, allowed);
        server.acceptor.start();
        LOG.log(Level.INFO, "FastAGI training extension listening on {0}: AGI(agi://HOST:{1,number,#}/{2}?scenario=ID&difficulty=LEVEL)",
                socket.getLocalSocketAddress(), server.port(), TrainingExtensionScript.SCRIPT);
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed.get() && !serverSocket.isClosed()) {
                    LOG.log(Level.WARNING, "FastAGI accept failed: {0}", e.getMessage());
                    continue;
                }
                return;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        if (!allowed.admit(socket.getInetAddress(), "FastAGI connection")) {
            closeQuietly(socket);
            return;
        }
        AgiSocket connection;
        try {
            connection = new AgiSocket(socket, connections::remove);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "FastAGI connection from {0} unusable: {1}", socket.getRemoteSocketAddress(), e.getMessage());
            closeQuietly(socket);
            return;
        }
        connections.add(connection);
        if (closed.get()) { // close() may have swept the connections before this one was added
            connection.closeQuietly();
            return;
        }
        try {
            workers.execute(new AgiConnection(connection, new TrainingExtensionScript(handler, connection, requestTimeout), requestTimeout, malformed));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "refusing FastAGI connection from {0}: {1,number,#} calls already in progress",
                    connection, MAX_CONCURRENT_CALLS);
            connection.closeQuietly();
        }
    }

    /**
     * Stops listening, drops every FastAGI connection (Asterisk carries on with the dialplan once the
     * running application returns) and waits up to 5 s for the worker threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        workers.shutdownNow();
        List.copyOf(connections).forEach(AgiSocket::closeQuietly);
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        for (Thread thread : List.copyOf(threads)) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> busy = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!busy.isEmpty()) {
            LOG.log(Level.WARNING, "FastAGI threads still busy {0} after close (a training call handler not returning?)", busy);
        }
        LOG.log(Level.INFO, "FastAGI training extension on port {0,number,#} closed", port());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing; nothing else to do
        }
    }
}
