package callsim.telephony.audiosocket;

import callsim.telephony.CallHandler;
import callsim.telephony.LineListener;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One TCP connection from Asterisk, read on its own thread: waits for the call UUID, starts the
 * call, then feeds audio, DTMF and the hang-up to it. A peer that breaks the protocol gets one
 * warning and its connection closed.
 */
final class AudioSocketConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(AudioSocketConnection.class.getName());

    private final Socket socket;
    private final CallHandler handler;
    private final long idleNanos;
    private final Consumer<AudioSocketConnection> onClosed;
    private final String peer;
    private final FrameWriter writer;
    private final AudioSocketDecoder decoder = new AudioSocketDecoder();
    private final java.util.Set<String> callIds;
    private final callsim.telephony.RateLimitedLog malformed;
    private volatile AudioSocketCall call;
    private String claimedCallId; // reader thread only
    private volatile boolean shuttingDown;

    /** {@code callIds}: the UUIDs on the line now, shared by the server's connections. */
    AudioSocketConnection(Socket socket, CallHandler handler, Duration idleTimeout, java.util.Set<String> callIds,
                          callsim.telephony.RateLimitedLog malformed, Consumer<AudioSocketConnection> onClosed) {
        this.socket = socket;
        this.malformed = malformed;
        this.callIds = callIds;
        this.handler = handler;
        this.idleNanos = idleTimeout.toNanos();
        this.onClosed = onClosed;
        this.peer = describe((InetSocketAddress) socket.getRemoteSocketAddress());
        this.writer = new FrameWriter(socket, peer);
    }

    String peer() {
        return peer;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, idleNanos / 1_000_000)));
            readUntilEnd(socket.getInputStream());
        } catch (IOException e) {
            closeAfterFailure("connection lost", "connection failed: " + e.getMessage(), Level.INFO);
        } finally {
            if (claimedCallId != null) callIds.remove(claimedCallId);
            onClosed.accept(this);
        }
    }

    /** Server shutdown: ends the call (telling Asterisk) or drops a connection that never started one. */
    void shutDown() {
        shuttingDown = true;
        AudioSocketCall current = call;
        if (current != null) {
            current.end("simulator shut down", true);
        } else {
            writer.finish(false);
        }
    }

    private void readUntilEnd(InputStream in) {
        byte[] buffer = new byte[4096];
        long lastFrameAt = System.nanoTime();
        while (true) {
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException e) {
                idleTimeout();
                return;
            } catch (IOException e) {
                String reason = decoder.isMidFrame() ? "vanished mid-frame (" + decoder.describePartialFrame() + "): " + e.getMessage()
                        : "connection lost: " + e.getMessage();
                closeAfterFailure("connection lost", reason, decoder.isMidFrame() ? Level.WARNING : Level.INFO);
                return;
            }
            if (read < 0) {
                endOfStream();
                return;
            }
            int frames;
            try {
                frames = handleFrames(buffer, read);
            } catch (AudioSocketProtocolException e) {
                closeAfterFailure("AudioSocket protocol error", e.getMessage(), Level.WARNING);
                return;
            }
            long now = System.nanoTime();
            if (frames > 0) {
                lastFrameAt = now;
            } else if (now - lastFrameAt > idleNanos) {
                idleTimeout(); // bytes trickle in but no whole frame
                return;
            }
            if (isFinished()) {
                return;
            }
        }
    }

    /** Returns how many frames were handled; throws when the bytes break the protocol. */
    private int handleFrames(byte[] buffer, int length) {
        var frames = decoder.feed(buffer, 0, length);
        for (AudioSocketFrame frame : frames) {
            if (isFinished()) {
                break;
            }
            handle(frame);
        }
        return frames.size();
    }

    private void handle(AudioSocketFrame frame) {
        AudioSocketCall current = call;
        if (current == null) {
            handleBeforeCall(frame);
            return;
        }
        switch (frame.kind()) {
            case AUDIO -> current.audioReceived(frame.samples());
            case DTMF -> current.dtmfReceived(frame.digit());
            case HANG_UP -> current.end("agent hung up", false);
            case ERROR -> {
                int code = frame.errorCode();
                String reason = code < 0 ? "asterisk reported an error" : "asterisk reported error " + code;
                LOG.log(Level.WARNING, "AudioSocket call {0}: {1}", current.callId(), reason);
                current.end(reason, false);
            }
            case UUID -> LOG.log(Level.WARNING, "AudioSocket call {0}: ignoring a second call UUID {1} from {2}",
                    current.callId(), frame.uuid(), peer);
        }
    }

    private void handleBeforeCall(AudioSocketFrame frame) {
        switch (frame.kind()) {
            case UUID -> startCall(frame.uuid().toString());
            case HANG_UP -> {
                LOG.log(Level.INFO, "AudioSocket peer {0} hung up before sending its call UUID", peer);
                writer.finish(false);
            }
            default -> throw new AudioSocketProtocolException(
                    "sent " + frame.kind() + " before the call UUID (the first message must be type 0x01)");
        }
    }

    private void startCall(String uuid) {
        if (!callIds.add(uuid)) {
            LOG.log(Level.WARNING, "AudioSocket peer {0} sent call UUID {1}, which is already on the line; refusing it", peer, uuid);
            writer.finish(true);
            return;
        }
        claimedCallId = uuid;
        AudioSocketCall started = new AudioSocketCall(uuid, "audiosocket:" + peer, writer);
        call = started;
        if (shuttingDown) {
            started.end("simulator shut down", true);
            return;
        }
        LOG.log(Level.INFO, "AudioSocket call up: id={0} from={1}", uuid, peer);
        LineListener listener;
        try {
            listener = handler.callStarted(started);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "AudioSocket call " + uuid + ": call handler failed, hanging up", e);
            started.end("call handler failed", true);
            return;
        }
        if (listener == null) {
            LOG.log(Level.WARNING, "AudioSocket call {0}: call handler returned no listener, hanging up", uuid);
            started.end("no listener", true);
            return;
        }
        started.attach(listener);
    }

    private void endOfStream() {
        if (decoder.isMidFrame()) {
            closeAfterFailure("connection lost", "vanished mid-frame (" + decoder.describePartialFrame() + ")", Level.WARNING);
            return;
        }
        AudioSocketCall current = call;
        if (current != null) {
            current.end("agent hung up", false);
        } else if (!isFinished()) {
            LOG.log(Level.INFO, "AudioSocket peer {0} closed the connection before sending its call UUID", peer);
            writer.finish(false);
        }
    }

    private void idleTimeout() {
        AudioSocketCall current = call;
        if (current != null) {
            LOG.log(Level.WARNING, "AudioSocket call {0}: no frame from {1} for {2} ms, hanging up",
                    current.callId(), peer, Long.toString(idleNanos / 1_000_000));
            current.end("media timeout", true, true);
        } else {
            LOG.log(Level.WARNING, "AudioSocket peer {0} sent no call UUID within {1} ms; closing the connection", peer,
                    Long.toString(idleNanos / 1_000_000));
            writer.finish(false);
        }
    }

    /** One log line, then the call (if any) ends and the socket closes. Quiet when we closed it ourselves. */
    private void closeAfterFailure(String hangUpReason, String detail, Level level) {
        AudioSocketCall current = call;
        if (isFinished()) {
            return;
        }
        String line = "AudioSocket peer " + peer + (current == null ? "" : " (call " + current.callId() + ")") + ": "
                + detail + "; closing the connection";
        if (current == null && level == Level.WARNING) {
            malformed.log(level, "AudioSocket peers breaking the protocol", () -> line); // no call: junk, possibly a flood
        } else {
            LOG.log(level, line);
        }
        if (current != null) {
            current.end(hangUpReason, false, true); // the link broke: nobody hung up
        } else {
            writer.finish(false);
        }
    }

    private boolean isFinished() {
        AudioSocketCall current = call;
        return current != null ? current.isEnded() : writer.isFinishing();
    }

    private static String describe(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
