package callsim.telephony;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media of one call: one UDP socket, a receiver thread that turns G.711 and telephone-event
 * packets into {@link LineListener} frames and digits, and a non-blocking sender. Negotiation
 * results and hold state are pushed in by the SIP layer with {@link #update}.
 */
final class RtpSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RtpSession.class.getName());
    private static final int MAX_DATAGRAM = 2048;
    private static final int DTMF_VOLUME = 10;
    private static final int DTMF_DURATION = 800; // 100 ms at 8 kHz

    private final DatagramSocket socket;
    private final String callId;
    private final long mediaTimeoutNanos;
    private final Runnable onMediaTimeout;
    private final long ssrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

    private volatile NegotiatedMedia media;
    private volatile InetSocketAddress remote;
    private volatile boolean sending;
    private volatile boolean timeoutSuspended;
    private volatile long lastPacketNanos = System.nanoTime();
    private volatile boolean closed;

    // sender state, guarded by this
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
    private boolean startOfTalkspurt = true;

    // receiver state, confined to the receiver thread
    private final FrameAssembler assembler = new FrameAssembler();
    private final DtmfDetector dtmfDetector = new DtmfDetector();
    private boolean reportedStrangeSource;
    private boolean reportedMalformed;

    RtpSession(DatagramSocket socket, String callId, Duration mediaTimeout, Runnable onMediaTimeout) {
        this.socket = socket;
        this.callId = callId;
        this.mediaTimeoutNanos = mediaTimeout.toNanos();
        this.onMediaTimeout = onMediaTimeout;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Applies an offer/answer: codec, where to send (null: nowhere, e.g. c=0.0.0.0), whether we
     * send, and whether silence from the other side is expected (hold) rather than a dead line.
     */
    void update(NegotiatedMedia negotiated, InetSocketAddress remoteAddress, boolean weSend, boolean silenceExpected) {
        this.media = negotiated;
        this.remote = remoteAddress;
        this.sending = weSend && remoteAddress != null;
        if (timeoutSuspended && !silenceExpected) {
            lastPacketNanos = System.nanoTime(); // the timeout counts from the resume
        }
        this.timeoutSuspended = silenceExpected;
        synchronized (this) {
            startOfTalkspurt = true;
        }
    }

    /** Starts the receiver thread delivering to {@code listener}. */
    void start(LineListener listener) {
        lastPacketNanos = System.nanoTime();
        Thread receiver = new Thread(() -> receiveLoop(listener), "rtp-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Encodes and sends one frame at once; advances the clock even when hold suppresses sending. */
    void sendAudio(short[] frame) {
        if (frame.length != CallLine.FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + CallLine.FRAME_SAMPLES + " samples, got " + frame.length);
        }
        NegotiatedMedia current = media;
        InetSocketAddress target = remote;
        byte[] wire;
        synchronized (this) {
            if (!sending || closed || current == null) {
                timestamp = (timestamp + frame.length) & 0xFFFFFFFFL;
                startOfTalkspurt = true;
                return;
            }
            RtpPacket packet = new RtpPacket(startOfTalkspurt, current.audioPayloadType(), sequence, timestamp, ssrc,
                    current.codec().encode(frame));
            startOfTalkspurt = false;
            sequence = (sequence + 1) & 0xFFFF;
            timestamp = (timestamp + frame.length) & 0xFFFFFFFFL;
            wire = packet.toBytes();
        }
        send(wire, target);
    }

    /** Sends one key press as RFC 4733 events (start, two updates, three end packets) at once. */
    void sendDtmf(char digit) {
        NegotiatedMedia current = media;
        if (current == null || !current.hasTelephoneEvent()) {
            throw new IllegalStateException("the other side did not negotiate telephone-event; cannot send DTMF");
        }
        InetSocketAddress target = remote;
        byte[][] packets = new byte[6][];
        synchronized (this) {
            for (int i = 0; i < packets.length; i++) {
                boolean end = i >= 3;
                int duration = end ? DTMF_DURATION : 160 * (i + 1);
                byte[] payload = Rfc4733Event.forDigit(digit, end, DTMF_VOLUME, duration).toBytes();
                packets[i] = new RtpPacket(i == 0, current.telephoneEventPayloadType(), sequence, timestamp, ssrc, payload).toBytes();
                sequence = (sequence + 1) & 0xFFFF;
            }
        }
        if (sending) {
            for (byte[] packet : packets) {
                send(packet, target);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    private void send(byte[] wire, InetSocketAddress target) {
        try {
            socket.send(new DatagramPacket(wire, wire.length, target));
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "call {0}: RTP send to {1} failed: {2}", callId, target, e.getMessage());
            }
        }
    }

    private void receiveLoop(LineListener listener) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) Math.max(10, Math.min(200, mediaTimeoutNanos / 4_000_000)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "call {0}: cannot set RTP receive timeout: {1}", callId, e.getMessage());
        }
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                handle(datagram, listener);
            } catch (SocketTimeoutException quiet) {
                // fall through to the timeout check
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "call {0}: RTP receive failed, media stopped: {1}", callId, e.getMessage());
                }
                return;
            }
            if (!closed && !timeoutSuspended && System.nanoTime() - lastPacketNanos > mediaTimeoutNanos) {
                LOG.log(Level.INFO, "call {0}: no RTP for {1} ms", callId, mediaTimeoutNanos / 1_000_000);
                onMediaTimeout.run();
                return;
            }
        }
    }

    private void handle(DatagramPacket datagram, LineListener listener) {
        SocketAddress source = datagram.getSocketAddress();
        InetSocketAddress expected = remote;
        if (expected == null || !expected.equals(source)) {
            if (!reportedStrangeSource) {
                reportedStrangeSource = true;
                LOG.log(Level.WARNING, "call {0}: ignoring RTP from unexpected source {1} (expected {2}); further ones are ignored silently",
                        callId, source, expected);
            }
            return;
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(datagram.getData(), datagram.getLength());
        } catch (MalformedPacketException e) {
            if (!reportedMalformed) {
                reportedMalformed = true;
                LOG.log(Level.WARNING, "call {0}: ignoring malformed RTP from {1}: {2}", callId, source, e.getMessage());
            }
            return;
        }
        lastPacketNanos = System.nanoTime();
        NegotiatedMedia current = media;
        if (current == null) {
            return;
        }
        try {
            if (packet.payloadType() == current.audioPayloadType()) {
                byte[] payload = packet.payloadUnsafe();
                assembler.push(current.codec().decode(payload, 0, payload.length), listener::onAudio);
            } else if (packet.payloadType() == current.telephoneEventPayloadType()) {
                Rfc4733Event event = Rfc4733Event.parse(packet.payloadUnsafe());
                dtmfDetector.accept(packet.timestamp(), event).ifPresent(listener::onDtmf);
            }
        } catch (MalformedPacketException e) {
            LOG.log(Level.DEBUG, "call {0}: bad telephone-event payload: {1}", callId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call " + callId + ": line listener failed", e);
        }
    }
}
