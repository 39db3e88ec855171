package callsim.telephony.asterisk;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The training extension's FastAGI listener (Asterisk-Java underneath). API fixed; body to be written.
 * For each {@code AGI(agi://HOST:PORT/drill?...)}: ANSWER, ask the handler for a target, then
 * {@code EXEC AudioSocket uuid,host:port}; hang up when AudioSocket returns.
 */
public final class FastAgiServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 4573;

    /** Listens on {@code bind} (port 0 picks a free one) until closed. */
    public static FastAgiServer start(InetSocketAddress bind, TrainingCallHandler handler) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    public int port() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
