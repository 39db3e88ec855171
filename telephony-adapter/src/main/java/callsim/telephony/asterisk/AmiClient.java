package callsim.telephony.asterisk;

import java.time.Duration;

/**
 * callsim's link to Asterisk's manager interface (Asterisk-Java underneath). API fixed; body to be written.
 */
public final class AmiClient implements AutoCloseable {
    /** Back-off between reconnect attempts: starts at {@code first}, doubles to at most {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public static Backoff standard() {
            return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    /**
     * Connects and logs in, waiting up to {@code loginTimeout}. A refused login (bad user or secret)
     * throws {@link AmiLoginException} at once; an unreachable PBX is logged and retried in the
     * background with {@code backoff}, so the caller can keep serving.
     */
    public static AmiClient start(AmiSettings settings, PbxEventListener listener, Backoff backoff, Duration loginTimeout)
            throws AmiLoginException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isConnected() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends an async Originate; returns its ActionID, which the later {@link OriginateResult} carries.
     *
     * @throws AmiUnavailableException when not connected or Asterisk answers {@code Response: Error}
     */
    public String originate(OriginateRequest request) throws AmiUnavailableException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Hangs up a channel (e.g. when a drill ends first). Best effort: logs and returns when not connected. */
    public void hangup(String channel) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
