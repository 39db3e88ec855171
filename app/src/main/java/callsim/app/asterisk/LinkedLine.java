package callsim.app.asterisk;

import callsim.telephony.LineListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A booked call's events from two places merged into one stream for the drill: the media line
 * (AudioSocket) and the PBX (AMI events about the agent's channel). Hold is the union of the PBX's
 * Hold and MusicOnHold signals and any hold the line reports; the drill sees one hold start and one
 * end. DTMF comes from whichever source delivers it first for this call (newer Asterisk forwards
 * keys over AudioSocket and AMI reports them too), so one key press is never counted twice.
 */
public final class LinkedLine implements LineListener {
    private static final Logger LOG = System.getLogger(LinkedLine.class.getName());

    private enum Source { NONE, LINE, PBX }

    private final String callId;
    private final LineListener drill;

    // guarded by this
    private boolean lineHold;
    private boolean pbxHold;
    private boolean musicOnHold;
    private boolean held;
    private Source dtmfSource = Source.NONE;
    private volatile boolean hungUp;  // also read unlocked by onAudio

    public LinkedLine(String callId, LineListener drill) {
        this.callId = callId;
        this.drill = drill;
    }

    // ---- from the media line ----

    @Override
    public void onAudio(short[] frame) {
        // An AMI Hangup can end the drill while AudioSocket still delivers its last frames.
        if (!hungUp) drill.onAudio(frame);
    }

    @Override
    public synchronized void onHold() {
        lineHold = true;
        holdChanged("line");
    }

    @Override
    public synchronized void onResume() {
        lineHold = false;
        holdChanged("line");
    }

    @Override
    public synchronized void onDtmf(char digit) {
        dtmf(digit, Source.LINE);
    }

    @Override
    public synchronized void onHangUp(String reason) {
        if (hungUp) return;
        hungUp = true;
        drill.onHangUp(reason);
    }

    @Override
    public synchronized void onLineDropped(String reason) {
        if (hungUp) return;
        hungUp = true;
        drill.onLineDropped(reason);
    }

    // ---- from the PBX (AMI) ----

    public synchronized void pbxHold(boolean on) {
        pbxHold = on;
        holdChanged(on ? "AMI Hold" : "AMI Unhold");
    }

    public synchronized void musicOnHold(boolean on) {
        musicOnHold = on;
        holdChanged(on ? "AMI MusicOnHoldStart" : "AMI MusicOnHoldStop");
    }

    public synchronized void pbxDtmf(char digit) {
        dtmf(digit, Source.PBX);
    }

    public synchronized void pbxHangUp(String reason) {
        onHangUp(reason);
    }

    private void holdChanged(String signal) {
        boolean now = lineHold || pbxHold || musicOnHold;
        if (now == held || hungUp) return;
        held = now;
        LOG.log(Level.INFO, "call {0}: {1} by the agent ({2})", callId, now ? "on hold" : "off hold", signal);
        if (now) drill.onHold();
        else drill.onResume();
    }

    private void dtmf(char digit, Source source) {
        if (dtmfSource == Source.NONE) dtmfSource = source;
        if (dtmfSource == source && !hungUp) drill.onDtmf(digit);
    }
}
