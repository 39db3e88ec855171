package callsim.telephony;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a line reports, for assertions with Awaitility. */
final class RecordingLineListener implements LineListener {
    final List<short[]> frames = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Character> digits = new CopyOnWriteArrayList<>();
    final List<String> hangUps = new CopyOnWriteArrayList<>();
    /** Hang-ups that were reported as a dropped line (also in {@link #hangUps}). */
    final List<String> drops = new CopyOnWriteArrayList<>();

    @Override
    public void onAudio(short[] frame) {
        frames.add(frame);
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
        digits.add(digit);
    }

    @Override
    public void onHangUp(String reason) {
        hangUps.add(reason);
    }

    @Override
    public void onLineDropped(String reason) {
        drops.add(reason);
        hangUps.add(reason);
    }
}
