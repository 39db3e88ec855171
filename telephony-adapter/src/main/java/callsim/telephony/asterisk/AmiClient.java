package callsim.telephony.asterisk;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * callsim's link to Asterisk's manager interface (Asterisk-Java underneath). Logs in with
 * Challenge/MD5 (the secret never crosses the wire) asking only for call and dtmf events, keeps
 * the session alive with a Ping every {@value #KEEPALIVE_SECONDS} s, and after any drop
 * reconnects on a fresh session with the configured back-off. One daemon thread,
 * {@code callsim-ami-<user@host:port>}, runs connects, keepalives and the connect/disconnect
 * callbacks; events arrive on Asterisk-Java's event thread.
 *
 * <p>The AMI user needs read = call,dtmf and write = originate,call in manager.conf (write =
 * system or reporting too lets it read the Asterisk version, otherwise Asterisk 20 is assumed).
 */
public final class AmiClient implements AutoCloseable {
    /** Back-off between reconnect attempts: starts at {@code first}, doubles to at most {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public static Backoff standard() {
            return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    private static final Logger LOG = System.getLogger(AmiClient.class.getName());
    private static final String EVENT_MASK = "call,dtmf";
    static final int KEEPALIVE_SECONDS = 20;
    /** Asterisk waits a second before answering a wrong secret; shorter waits would read as "unreachable". */
    private static final Duration MIN_RESPONSE_WAIT = Duration.ofSeconds(2);
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(1);

    private final AmiSettings settings;
    private final PbxEventListener listener;
    private final BackoffDelays delays;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration keepalive;
    private final PendingOriginates pending = new PendingOriginates();
    private final AmiEventMapper mapper;
    private final AmiWorker worker;
    private final Object lock = new Object();
    private AmiConnection current; // guarded by lock: the logged-in session, if any
    private boolean closed;        // guarded by lock

    private AmiClient(AmiSettings settings, PbxEventListener listener, Backoff backoff, Duration loginTimeout,
                      Duration keepalive) {
        this.settings = settings;
        this.keepalive = keepalive;
        this.listener = listener;
        this.delays = new BackoffDelays(backoff);
        this.connectTimeout = loginTimeout;
        this.responseTimeout = loginTimeout.compareTo(MIN_RESPONSE_WAIT) < 0 ? MIN_RESPONSE_WAIT : loginTimeout;
        this.mapper = new AmiEventMapper(listener, pending);
        this.worker = new AmiWorker("callsim-ami-" + settings);
    }

    /**
     * Connects and logs in, waiting up to {@code loginTimeout}. A refused login (bad user or secret)
     * throws {@link AmiLoginException} at once; an unreachable PBX is logged and retried in the
     * background with {@code backoff}, so the caller can keep serving.
     */
    public static AmiClient start(AmiSettings settings, PbxEventListener listener, Backoff backoff, Duration loginTimeout)
            throws AmiLoginException {
        return start(settings, listener, backoff, loginTimeout, Duration.ofSeconds(KEEPALIVE_SECONDS));
    }

    /** As above with another Ping interval; three intervals without a byte from Asterisk count as a dead link. */
    static AmiClient start(AmiSettings settings, PbxEventListener listener, Backoff backoff, Duration loginTimeout,
                           Duration keepalive) throws AmiLoginException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        if (loginTimeout.isNegative() || loginTimeout.isZero()) {
            throw new IllegalArgumentException("AMI login timeout must be positive, got " + loginTimeout);
        }
        AmiClient client = new AmiClient(settings, listener, backoff, loginTimeout, keepalive);
        client.firstConnect();
        return client;
    }

    public boolean isConnected() {
        synchronized (lock) {
            return current != null && current.isUp();
        }
    }

    /**
     * Sends an async Originate; returns its ActionID, which the later {@link OriginateResult} carries.
     *
     * @throws AmiUnavailableException when not connected or Asterisk answers {@code Response: Error}
     */
    public String originate(OriginateRequest request) throws AmiUnavailableException {
        Objects.requireNonNull(request, "request");
        AmiConnection connection = connectedOrThrow();
        String actionId = "callsim-" + UUID.randomUUID();
        OriginateAction action = OriginateActions.build(request, actionId);
        pending.register(actionId, request.ringTimeout()); // the OriginateResponse may beat our return
        ManagerResponse response;
        try {
            response = connection.sendAction(action, responseTimeout.toMillis());
        } catch (IOException e) {
            pending.forget(actionId);
            throw new AmiUnavailableException("AMI connection to " + settings + " failed sending the Originate: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            pending.forget(actionId);
            throw new AmiUnavailableException(connection.isUp()
                    ? "Asterisk at " + settings + " did not answer the Originate within " + responseTimeout.toMillis() + " ms"
                    : "AMI connection to " + settings + " dropped before Asterisk answered the Originate", e);
        } catch (IllegalStateException e) {
            pending.forget(actionId);
            throw new AmiUnavailableException("AMI not connected to " + settings + " (reconnecting in the background)", e);
        }
        if (response == null) { // Asterisk-Java returns null when the waiting thread is interrupted
            pending.forget(actionId);
            Thread.currentThread().interrupt();
            throw new AmiUnavailableException("interrupted while waiting for Asterisk at " + settings + " to accept the Originate");
        }
        if (response instanceof ManagerError) {
            pending.forget(actionId);
            throw new AmiUnavailableException("Asterisk refused the Originate to " + request.channel() + ": " + response.getMessage());
        }
        return actionId;
    }

    /** Hangs up a channel (e.g. when a drill ends first). Best effort: logs and returns when not connected. */
    public void hangup(String channel) {
        Objects.requireNonNull(channel, "channel");
        AmiConnection connection;
        synchronized (lock) {
            connection = current;
        }
        if (connection == null || !connection.isUp()) {
            LOG.log(Level.INFO, "AMI not connected to {0}; cannot hang up {1}", settings, channel);
            return;
        }
        try {
            connection.sendAction(new HangupAction(channel), response -> {
                if (response instanceof ManagerError) {
                    // usually "No such channel": the phone hung up first
                    LOG.log(Level.DEBUG, "Hangup of {0}: {1}", channel, response.getMessage());
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "AMI: could not send Hangup for {0}: {1}", channel, e.getMessage());
        }
    }

    /** Logs off and stops every thread of this client; waits at most a few seconds. Idempotent. */
    @Override
    public void close() {
        AmiConnection connection;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            connection = current;
            current = null;
        }
        worker.shutdownNow(); // a connect in progress fails fast and closes its own session
        pending.clear();
        if (connection != null) connection.shutdown(GOODBYE_WAIT);
        if (worker.isWorkerThread()) return; // closed from onConnected/onDisconnected: the thread ends on return
        if (!worker.awaitTermination(connectTimeout.plusSeconds(2))) {
            LOG.log(Level.WARNING, "AMI: a connect to {0} is still running after close", settings);
        }
    }

    private void firstConnect() throws AmiLoginException {
        try {
            connectOnce();
        } catch (AuthenticationFailedException e) {
            if (AmiConnection.isRefusal(e)) {
                close();
                throw new AmiLoginException("Asterisk refused the AMI login for " + settings + ": " + e.getMessage()
                        + " (check the user and secret in manager.conf)");
            }
            unreachable(e, true);
        } catch (IOException | TimeoutException | RuntimeException e) {
            unreachable(e, true);
        }
        worker.every(this::sendKeepalive, keepalive);
    }

    private void attempt() {
        if (isClosed()) return;
        try {
            connectOnce();
        } catch (AuthenticationFailedException e) {
            if (isClosed()) return;
            if (!AmiConnection.isRefusal(e)) {
                unreachable(e, false);
                return;
            }
            Duration delay = delays.next();
            LOG.log(Level.WARNING, "AMI: Asterisk refused the login for {0}: {1} (check manager.conf); next try in {2} ms",
                    settings, e.getMessage(), Long.toString(delay.toMillis()));
            schedule(delay);
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (!isClosed()) unreachable(e, false); // else close() interrupted this attempt
        }
    }

    /** One fresh session: connect, log in, then publish it (or drop it if close() came first). */
    private void connectOnce() throws IOException, AuthenticationFailedException, TimeoutException {
        AmiConnection connection = new AmiConnection(settings, connectTimeout, responseTimeout,
                keepalive.multipliedBy(3), this::lost);
        connection.addEventListener(mapper);
        try {
            connection.login(EVENT_MASK);
        } catch (IOException | AuthenticationFailedException | TimeoutException | RuntimeException e) {
            connection.shutdown(Duration.ZERO);
            throw e;
        }
        synchronized (lock) {
            if (!closed) current = connection;
        }
        if (isClosed()) {
            connection.shutdown(GOODBYE_WAIT);
            return;
        }
        delays.reset();
        LOG.log(Level.INFO, "AMI connected to {0} ({1})", settings, connection.getVersion());
        try {
            listener.onConnected();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PBX event listener failed on connect", e);
        }
        if (!connection.isUp()) { // dropped while the login was finishing: its own report may have come too early
            connection.shutdown(Duration.ZERO);
            lost(connection, "dropped right after login");
        }
    }

    /** Asterisk-Java's event thread reports a session that ended without close(). */
    private void lost(AmiConnection connection, String reason) {
        synchronized (lock) {
            if (closed || current != connection) return;
            current = null;
        }
        delays.reset();
        Duration delay = delays.next();
        LOG.log(Level.WARNING, "AMI connection to {0} lost ({1}); reconnecting in {2} ms", settings, reason,
                Long.toString(delay.toMillis()));
        worker.execute(() -> {
            try {
                listener.onDisconnected(reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "PBX event listener failed on disconnect", e);
            }
            schedule(delay);
        });
    }

    private void unreachable(Exception e, boolean first) {
        Duration delay = delays.next();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (first) {
            LOG.log(Level.WARNING, "AMI: cannot reach Asterisk at {0} ({1}); serving anyway, retrying in the background "
                    + "(next try in {2} ms)", settings, why, Long.toString(delay.toMillis()));
        } else {
            LOG.log(Level.INFO, "AMI: {0} still unreachable ({1}); next try in {2} ms", settings, why,
                    Long.toString(delay.toMillis()));
        }
        schedule(delay);
    }

    private void schedule(Duration delay) {
        if (!isClosed()) worker.schedule(this::attempt, delay);
    }

    /** A Ping now and then: keeps NAT/firewall state alive and gives the read timeout something to hear. */
    private void sendKeepalive() {
        AmiConnection connection;
        synchronized (lock) {
            connection = current;
        }
        if (connection == null || !connection.isUp()) return;
        try {
            connection.sendAction(new PingAction(), null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "AMI keepalive Ping not sent", e);
        }
    }

    private AmiConnection connectedOrThrow() throws AmiUnavailableException {
        synchronized (lock) {
            if (current != null && current.isUp()) return current;
        }
        throw new AmiUnavailableException("AMI not connected to " + settings
                + (isClosed() ? " (client closed)" : " (reconnecting in the background)"));
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }
}
