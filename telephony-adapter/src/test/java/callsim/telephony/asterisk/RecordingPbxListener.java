package callsim.telephony.asterisk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes down every callback as a line like "hold PJSIP/201-00000001 1732312345.1". */
final class RecordingPbxListener implements PbxEventListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<OriginateResult> originateResults = new CopyOnWriteArrayList<>();
    final List<String> disconnectReasons = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();

    @Override
    public void onHold(String channel, String uniqueId) {
        events.add("hold " + channel + " " + uniqueId);
    }

    @Override
    public void onUnhold(String channel, String uniqueId) {
        events.add("unhold " + channel + " " + uniqueId);
    }

    @Override
    public void onMusicOnHoldStart(String channel, String uniqueId) {
        events.add("moh-start " + channel + " " + uniqueId);
    }

    @Override
    public void onMusicOnHoldStop(String channel, String uniqueId) {
        events.add("moh-stop " + channel + " " + uniqueId);
    }

    @Override
    public void onDtmf(String channel, String uniqueId, char digit) {
        events.add("dtmf " + channel + " " + uniqueId + " " + digit);
    }

    @Override
    public void onHangup(String channel, String uniqueId, int cause, String causeText) {
        events.add("hangup " + channel + " " + uniqueId + " " + cause + " " + causeText);
    }

    @Override
    public void onOriginateResult(OriginateResult result) {
        originateResults.add(result);
    }

    @Override
    public void onConnected() {
        connects.incrementAndGet();
        events.add("connected");
    }

    @Override
    public void onDisconnected(String reason) {
        disconnectReasons.add(reason);
        events.add("disconnected");
    }
}
