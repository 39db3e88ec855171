package callsim.telephony.asterisk;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.lock.Locker.LockCloser;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.action.LogoffAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One AMI session over Asterisk-Java, used once: login, events, actions, then shutdown or loss.
 * {@link AmiClient} makes a fresh one for every (re)connect. Two things differ from a plain
 * {@link ManagerConnectionImpl}: it never runs Asterisk-Java's own reconnect thread (fixed 50 ms /
 * 5 s retries, no way to configure or stop them quickly) but reports the loss instead, and it asks
 * for the Asterisk version once rather than four times with pauses.
 */
final class AmiConnection extends ManagerConnectionImpl {
    private static final Logger LOG = System.getLogger(AmiConnection.class.getName());

    private final BiConsumer<AmiConnection, String> onLost;
    private volatile TrackedSocket trackedSocket;
    private volatile Thread eventThread;
    private volatile boolean loggedIn;

    /**
     * @param responseTimeout how long to wait for the banner and for each answer from Asterisk
     * @param readTimeout     silence after which the connection counts as dead (keepalive pings keep it busy)
     */
    AmiConnection(AmiSettings settings, Duration connectTimeout, Duration responseTimeout, Duration readTimeout,
                  BiConsumer<AmiConnection, String> onLost) {
        this.onLost = onLost;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.user());
        setPassword(settings.secret());
        setSocketTimeout(millis(connectTimeout));
        setDefaultResponseTimeout(millis(responseTimeout));
        setSocketReadTimeout(millis(readTimeout));
    }

    boolean isUp() {
        return getState() == ManagerConnectionState.CONNECTED;
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        TrackedSocket socket = new TrackedSocket(super.createSocket());
        trackedSocket = socket;
        return socket;
    }

    @Override
    protected void doLogin(long timeout, String eventMask)
            throws IOException, AuthenticationFailedException, org.asteriskjava.manager.TimeoutException {
        super.doLogin(timeout, eventMask);
        loggedIn = true;
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the try block; its handle is not needed inside
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        eventThread = Thread.currentThread();
        if (!(event instanceof DisconnectEvent)) {
            super.dispatchEvent(event, requiredHandlingTime);
            return;
        }
        boolean lost = false;
        if (loggedIn) {
            // Seen while CONNECTED, Asterisk-Java would start its own reconnect thread; marking the
            // session over first makes it skip that, and AmiClient reconnects with its back-off.
            // (Not during login: the login thread holds this lock until the super call below wakes it.)
            try (LockCloser closer = withLock()) {
                lost = state == ManagerConnectionState.CONNECTED;
                if (lost) state = ManagerConnectionState.DISCONNECTED;
            }
        }
        super.dispatchEvent(event, requiredHandlingTime); // wakes callers still waiting for a response
        if (lost) {
            disconnect();
            TrackedSocket socket = trackedSocket;
            onLost.accept(this, socket == null ? "connection closed" : socket.endReason());
        }
        letReaderReachStop();
    }

    /**
     * Asterisk-Java 3.41's AsyncEventPump.stop() queues its poison pill before it sets its stop flag;
     * if this (the pump's) thread takes the pill in between, it goes back to a one-minute poll and
     * outlives the connection. The reader sends the DisconnectEvent just before calling stop(), so
     * holding the pump here until the reader waits inside stop() closes that window.
     */
    private void letReaderReachStop() {
        TrackedSocket socket = trackedSocket;
        Thread reader = socket == null ? null : socket.readerThread();
        if (reader == null || reader == Thread.currentThread()) return;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (reader.isAlive() && reader.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * CoreSettings (needs write=system or reporting), then "core show version" (needs write=command),
     * once each; without either permission, assume Asterisk 20 (only used to format actions, and
     * everything since 1.2 formats them alike).
     */
    @Override
    protected AsteriskVersion determineVersion() {
        try {
            AsteriskVersion version = determineVersionByCoreSettings();
            if (version != null) return version;
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "CoreSettings failed", e);
        }
        try {
            AsteriskVersion version = determineVersionByCoreShowVersion();
            if (version != null) return version;
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "core show version failed", e);
        }
        LOG.log(Level.INFO, "AMI: could not read the Asterisk version on {0}:{1} (the AMI user lacks write=system "
                + "or reporting); assuming Asterisk 20", getHostname(), Integer.toString(getPort()));
        return AsteriskVersion.ASTERISK_20;
    }

    /**
     * Logs off politely (waiting up to {@code goodbyeWait} for Asterisk's Goodbye), closes the socket
     * and waits briefly for Asterisk-Java's reader and event threads to end. Safe to call more than once.
     */
    @SuppressWarnings("try")
    void shutdown(Duration goodbyeWait) {
        boolean wasConnected;
        try (LockCloser closer = withLock()) {
            wasConnected = state == ManagerConnectionState.CONNECTED;
            if (wasConnected) state = ManagerConnectionState.DISCONNECTING; // a drop from here on is ours, not a loss
        }
        if (wasConnected) sayGoodbye(goodbyeWait);
        try (LockCloser closer = withLock()) {
            disconnect();
            state = ManagerConnectionState.DISCONNECTED;
        }
        awaitThreads(Duration.ofSeconds(2));
    }

    private void sayGoodbye(Duration wait) {
        CountDownLatch answered = new CountDownLatch(1);
        try {
            sendAction(new LogoffAction(), response -> answered.countDown());
            // the Goodbye is delivered on the event thread: closing from a callback there cannot wait for it
            boolean canWait = Thread.currentThread() != eventThread;
            if (canWait && !answered.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.DEBUG, "no Goodbye from Asterisk within {0} ms", Long.toString(wait.toMillis()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Logoff not sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader ends once its socket is closed, the event thread right after it; neither outlives this. */
    private void awaitThreads(Duration timeout) {
        Thread events = eventThread;
        if (Thread.currentThread() == events) return; // closing from an event callback: they end after we return
        TrackedSocket socket = trackedSocket;
        Thread[] threads = {socket == null ? null : socket.readerThread(), events};
        for (Thread thread : threads) {
            if (thread == null || thread == Thread.currentThread()) continue;
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    /** True if Asterisk itself said no to the login, false if the connection broke during it. */
    static boolean isRefusal(AuthenticationFailedException e) {
        // Asterisk's own answer ("Authentication failed") arrives without a cause; Asterisk-Java's
        // wrappers for I/O trouble during login have one or start with "Unable to".
        return e.getCause() == null && e.getMessage() != null && !e.getMessage().startsWith("Unable to");
    }
}
