package callsim.testkit.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake's TCP side: the listening socket on 127.0.0.1, its acceptor thread and the open sessions. */
final class FakeAmiListener {
    private final FakeAmiServer server;
    private final Set<FakeAmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionSeq = new AtomicInteger();
    private ServerSocket socket;
    private Thread acceptor;
    private int port;

    FakeAmiListener(FakeAmiServer server) {
        this.server = server;
    }

    /** An ephemeral port the first time, the same port again after {@link #stop()}. */
    synchronized void start() throws IOException {
        if (socket != null) return;
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = listening.getLocalPort();
        socket = listening;
        acceptor = new Thread(() -> acceptLoop(listening), "fake-ami-acceptor-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void stop() {
        Thread oldAcceptor;
        synchronized (this) {
            if (socket == null) return;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
            oldAcceptor = acceptor;
            acceptor = null;
        }
        join(oldAcceptor);
        dropConnections();
    }

    void dropConnections() {
        List<FakeAmiSession> open = new ArrayList<>(sessions);
        open.forEach(FakeAmiSession::close);
        for (FakeAmiSession session : open) {
            try {
                session.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized int port() {
        if (port == 0) throw new IllegalStateException("FakeAmiServer was never started");
        return port;
    }

    int openConnections() {
        return sessions.size();
    }

    void broadcast(String packet, int category) {
        for (FakeAmiSession session : sessions) session.deliver(packet, category);
    }

    void ended(FakeAmiSession session) {
        sessions.remove(session);
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                FakeAmiSession session = new FakeAmiSession(server, sessionSeq.incrementAndGet(), client);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                return; // stop() closed the listening socket
            }
        }
    }

    private static void join(Thread thread) {
        if (thread == null) return;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
