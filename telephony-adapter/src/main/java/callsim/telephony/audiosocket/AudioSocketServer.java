package callsim.telephony.audiosocket;

import callsim.telephony.AllowedPeers;
import callsim.telephony.CallHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts calls from Asterisk's AudioSocket ({@code AudioSocket(uuid,host:port)} in the dialplan):
 * each TCP connection becomes a {@link callsim.telephony.CallLine} handed to the {@link CallHandler}
 * once its call UUID arrives. One reader and one writer thread per connection.
 */
public final class AudioSocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AudioSocketServer.class.getName());

    private final ServerSocket serverSocket;
    private final CallHandler handler;
    private final Duration idleTimeout;
    private final Set<AudioSocketConnection> connections = ConcurrentHashMap.newKeySet();
    // Call UUIDs on the line now: a second connection with one of them is refused.
    private final Set<String> callIds = ConcurrentHashMap.newKeySet();
    private final AllowedPeers allowed;
    private final callsim.telephony.RateLimitedLog malformed = callsim.telephony.RateLimitedLog.perMinute(
            System.getLogger(AudioSocketConnection.class.getName()), 10);
    private final Thread acceptor;
    private volatile boolean closed;

    private AudioSocketServer(ServerSocket serverSocket, CallHandler handler, Duration idleTimeout, AllowedPeers allowed) {
        this.serverSocket = serverSocket;
        this.allowed = allowed;
        this.handler = handler;
        this.idleTimeout = idleTimeout;
        this.acceptor = new Thread(this::acceptLoop, "audiosocket-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code bind} (port 0 picks a free one). A connection that sends no frame for
     * {@code idleTimeout} is hung up with "media timeout".
     */
    public static AudioSocketServer start(InetSocketAddress bind, CallHandler handler, Duration idleTimeout) throws IOException {
        return start(bind, handler, idleTimeout, bind == null ? null : AllowedPeers.defaultFor(bind.getAddress().getHostAddress()));
    }

    /** As above, accepting connections only from {@code allowed} peers. */
    public static AudioSocketServer start(InetSocketAddress bind, CallHandler handler, Duration idleTimeout,
                                          AllowedPeers allowed) throws IOException {
        if (bind == null || allowed == null || handler == null || idleTimeout == null) {
            throw new IllegalArgumentException("bind address, call handler and idle timeout are required");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idle timeout must be at least 1 ms, got " + idleTimeout);
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(bind);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen for AudioSocket on " + bind + ": " + e.getMessage(), e);
        }
        AudioSocketServer server = new AudioSocketServer(socket, handler, idleTimeout, allowed);
        server.acceptor.start();
        LOG.log(Level.INFO, "AudioSocket server listening on {0}", socket.getLocalSocketAddress());
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections currently open (with or without a call on them). */
    public int activeConnections() {
        return connections.size();
    }

    /** Stops accepting and hangs up every call (Asterisk gets a hang-up frame). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            List.copyOf(connections).forEach(AudioSocketConnection::shutDown);
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "AudioSocket server stopped accepting: {0}", e.getMessage());
                }
                return;
            }
            if (!allowed.admit(socket.getInetAddress(), "AudioSocket connection")) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // refused anyway
                }
                continue;
            }
            AudioSocketConnection connection = new AudioSocketConnection(socket, handler, idleTimeout, callIds, malformed, connections::remove);
            connections.add(connection);
            if (closed) {
                connection.shutDown(); // close() may have taken its snapshot before this one was added
            }
            Thread reader = new Thread(connection, "audiosocket-read-" + connection.peer());
            reader.setDaemon(true);
            reader.start();
        }
    }
}
