package callsim.telephony.asterisk;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One accepted FastAGI connection as Asterisk-Java's readers and writers expect it: {@code \n}-ended
 * UTF-8 lines. Ours rather than Asterisk-Java's so the server can set the read timeout per phase and
 * close every live connection when it stops.
 */
final class AgiSocket implements SocketConnectionFacade {
    private static final int MAX_LINE_BYTES = 16 * 1024;
    /** Asterisk's environment is ~25 lines of a few hundred bytes; an endless one is an attack. */
    static final int MAX_REQUEST_LINES = 200;
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final Writer out;
    private final Consumer<AgiSocket> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    // While the environment is read: what it has used of its budget (reader thread only).
    private boolean readingRequest;
    private int requestLines;
    private int requestBytes;
    // Asked when a read times out: true to keep waiting (a drill still on the line), false to give up.
    private volatile java.util.function.BooleanSupplier keepWaiting = () -> false;
    private volatile boolean timedOut;

    AgiSocket(Socket socket, Consumer<AgiSocket> onClose) throws IOException {
        this.socket = socket;
        this.onClose = onClose;
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true); // the AGI socket is silent for a whole drill; notice a vanished Asterisk host
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** How long a read may wait before it fails. */
    void readTimeout(Duration timeout) throws SocketException {
        readTimeout(timeout, () -> false);
    }

    /** Reads wait {@code poll} at a time, for as long as {@code keepWaiting} says so when asked after each. */
    void readTimeout(Duration poll, java.util.function.BooleanSupplier keepWaiting) throws SocketException {
        this.keepWaiting = keepWaiting;
        socket.setSoTimeout(Math.toIntExact(Math.max(1, poll.toMillis())));
    }

    /** True once a read gave up waiting (Asterisk-Java reports that as a hang-up, without the cause). */
    boolean timedOut() {
        return timedOut;
    }

    /** The environment starts: from now until {@link #requestRead} its size is bounded. */
    void readingRequest() {
        readingRequest = true;
        requestLines = 0;
        requestBytes = 0;
    }

    void requestRead() {
        readingRequest = false;
    }

    /** The next line without its {@code \n}, or null once Asterisk closed the connection. */
    @Override
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        if (readingRequest && ++requestLines > MAX_REQUEST_LINES) {
            throw new IOException("FastAGI environment longer than " + MAX_REQUEST_LINES + " lines");
        }
        int b;
        while ((b = read()) != -1 && b != '\n') {
            if (line.size() == MAX_LINE_BYTES) {
                throw new IOException("FastAGI line longer than " + MAX_LINE_BYTES + " bytes");
            }
            if (readingRequest && ++requestBytes > MAX_REQUEST_BYTES) {
                throw new IOException("FastAGI environment larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private int read() throws IOException {
        while (true) {
            try {
                return in.read();
            } catch (java.net.SocketTimeoutException e) {
                if (!keepWaiting.getAsBoolean()) {
                    timedOut = true;
                    throw e;
                }
            }
        }
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Idempotent; safe from any thread (it is how the server unblocks a connection's reader). */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } finally {
                onClose.accept(this);
            }
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }

    @Override
    public String toString() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
