package callsim.app.asterisk;

import callsim.telephony.LineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A drill stand-in that writes down every event it is given, e.g. {@code hold}, {@code dtmf 5}, {@code hangup why}. */
public final class RecordingListener implements LineListener {
    private final List<String> events = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void onAudio(short[] frame) {
        events.add("audio " + frame.length);
    }

    @Override
    public void onHold() {
        events.add("hold");
    }

    @Override
    public void onResume() {
        events.add("resume");
    }

    @Override
    public void onDtmf(char digit) {
        events.add("dtmf " + digit);
    }

    @Override
    public void onHangUp(String reason) {
        events.add("hangup " + reason);
    }
}
