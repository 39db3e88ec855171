package callsim.telephony;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call the endpoint starts, each with its own {@link RecordingLineListener}. */
final class RecordingCallHandler implements CallHandler {
    final List<CallLine> lines = new CopyOnWriteArrayList<>();
    final List<RecordingLineListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public LineListener callStarted(CallLine line) {
        RecordingLineListener listener = new RecordingLineListener();
        lines.add(line);
        listeners.add(listener);
        return listener;
    }
}
