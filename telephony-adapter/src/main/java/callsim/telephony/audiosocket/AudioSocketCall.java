package callsim.telephony.audiosocket;

import callsim.telephony.CallLine;
import callsim.telephony.FrameAssembler;
import callsim.telephony.LineListener;
import java.lang.System.Logger.Level;

/**
 * A call that arrived over AudioSocket, as the drill pipeline sees it. Incoming audio is re-cut
 * into 20 ms frames; outgoing frames go through the connection's {@link FrameWriter}.
 */
final class AudioSocketCall implements CallLine {
    private static final System.Logger LOG = System.getLogger(AudioSocketCall.class.getName());
    private static final String DTMF_DIGITS = "0123456789*#ABCD";

    private final String callId;
    private final String remoteParty;
    private final FrameWriter writer;
    private final FrameAssembler assembler = new FrameAssembler(); // reader thread only

    // guarded by this
    private LineListener listener;
    private String endReason;
    private boolean hangUpReported;
    private boolean dropped;

    AudioSocketCall(String callId, String remoteParty, FrameWriter writer) {
        this.callId = callId;
        this.remoteParty = remoteParty;
        this.writer = writer;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String remoteParty() {
        return remoteParty;
    }

    @Override
    public String dialledNumber() {
        return "";
    }

    @Override
    public void sendAudio(short[] frame) {
        if (frame.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + FRAME_SAMPLES + " samples, got " + frame.length);
        }
        writer.send(AudioSocketFrame.audio(frame));
    }

    @Override
    public void hangUp() {
        end("simulator hung up", true);
    }

    /** Attaches the pipeline's listener; a hang-up that came first is reported now. */
    void attach(LineListener attached) {
        synchronized (this) {
            listener = attached;
        }
        reportHangUpIfEnded();
    }

    boolean isEnded() {
        synchronized (this) {
            return endReason != null;
        }
    }

    /** Ends the call once; later calls do nothing. */
    void end(String reason, boolean sendHangUp) {
        end(reason, sendHangUp, false);
    }

    /** As {@link #end(String, boolean)}; {@code lineDropped} when Asterisk vanished rather than hung up. */
    void end(String reason, boolean sendHangUp, boolean lineDropped) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            dropped = lineDropped;
        }
        writer.finish(sendHangUp);
        LOG.log(Level.INFO, "AudioSocket call {0}: hang-up ({1}), remote {2}", callId, reason, remoteParty);
        reportHangUpIfEnded();
    }

    void audioReceived(short[] samples) {
        LineListener current = currentListener();
        if (current != null) {
            assembler.push(samples, current::onAudio);
        }
    }

    void dtmfReceived(char digit) {
        char normalised = Character.toUpperCase(digit);
        if (DTMF_DIGITS.indexOf(normalised) < 0) {
            LOG.log(Level.WARNING, "AudioSocket call {0}: ignoring DTMF byte 0x{1}, not a key", callId, Integer.toHexString(digit));
            return;
        }
        LineListener current = currentListener();
        if (current != null) {
            current.onDtmf(normalised);
        }
    }

    private synchronized LineListener currentListener() {
        return endReason == null ? listener : null;
    }

    private void reportHangUpIfEnded() {
        LineListener toTell;
        String reason;
        boolean wasDropped;
        synchronized (this) {
            if (endReason == null || listener == null || hangUpReported) {
                return;
            }
            hangUpReported = true;
            toTell = listener;
            reason = endReason;
            wasDropped = dropped;
        }
        try {
            if (wasDropped) toTell.onLineDropped(reason);
            else toTell.onHangUp(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AudioSocket call " + callId + ": listener failed on hang-up", e);
        }
    }
}
