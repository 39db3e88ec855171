package callsim.telephony.audiosocket;

import callsim.telephony.CallHandler;
import callsim.telephony.CallLine;
import callsim.telephony.LineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call handler that keeps every line and everything each line reports. */
final class RecordingCalls implements CallHandler {
    /** What one call's listener heard. */
    static final class Heard implements LineListener {
        final CallLine line;
        final List<short[]> frames = new CopyOnWriteArrayList<>();
        final List<Character> digits = new CopyOnWriteArrayList<>();
        final List<String> hangUps = new CopyOnWriteArrayList<>();
        /** Hang-ups reported as a dropped line (also in {@link #hangUps}). */
        final List<String> drops = new CopyOnWriteArrayList<>();

        Heard(CallLine line) {
            this.line = line;
        }

        @Override
        public void onAudio(short[] frame) {
            frames.add(frame);
        }

        @Override
        public void onHold() {}

        @Override
        public void onResume() {}

        @Override
        public void onDtmf(char digit) {
            digits.add(digit);
        }

        @Override
        public void onLineDropped(String reason) {
            drops.add(reason);
            hangUps.add(reason);
        }

        @Override
        public void onHangUp(String reason) {
            hangUps.add(reason);
        }
    }

    final List<Heard> calls = new CopyOnWriteArrayList<>();

    @Override
    public LineListener callStarted(CallLine line) {
        Heard heard = new Heard(line);
        calls.add(heard);
        return heard;
    }

    Heard only() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call, got " + calls.size());
        }
        return calls.get(0);
    }
}
