package callsim.telephony.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's socket, noting which thread reads it (so close() can wait for that thread) and
 * why reading stopped (so a lost connection can say why).
 */
final class TrackedSocket implements SocketConnectionFacade {
    private final SocketConnectionFacade delegate;
    private volatile Thread reader;
    private volatile String endReason;

    TrackedSocket(SocketConnectionFacade delegate) {
        this.delegate = delegate;
    }

    Thread readerThread() {
        return reader;
    }

    String endReason() {
        String reason = endReason;
        return reason == null ? "connection closed" : reason;
    }

    @Override
    public String readLine() throws IOException {
        reader = Thread.currentThread();
        try {
            String line = delegate.readLine();
            if (line == null) endReason = "Asterisk closed the connection";
            return line;
        } catch (java.net.SocketTimeoutException e) {
            endReason = "nothing heard from Asterisk for too long, keepalive unanswered";
            throw e;
        } catch (IOException e) {
            // Asterisk-Java's scanner reports a clean end of stream as "No more lines available"
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            endReason = message.startsWith("No more lines available") ? "Asterisk closed the connection" : message;
            throw e;
        }
    }

    @Override
    public void write(String s) throws IOException {
        delegate.write(s);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return delegate.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return delegate.getRemotePort();
    }
}
