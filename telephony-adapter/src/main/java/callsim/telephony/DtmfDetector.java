package callsim.telephony;

import java.util.Optional;

/**
 * Turns the stream of telephone-event packets into key presses. A sender repeats every event
 * (start, updates, three end packets, retransmits) with the same RTP timestamp, so a press is
 * reported once, on the first packet of a new timestamp. Not thread-safe: one per receiver.
 */
public final class DtmfDetector {
    private boolean seenAny;
    private long lastTimestamp;
    private int lastEventCode;

    /** Returns the digit when this packet starts a new key press, else empty. */
    public Optional<Character> accept(long rtpTimestamp, Rfc4733Event event) {
        if (!event.isDtmf()) {
            return Optional.empty();
        }
        if (seenAny && rtpTimestamp == lastTimestamp && event.eventCode() == lastEventCode) {
            return Optional.empty();
        }
        seenAny = true;
        lastTimestamp = rtpTimestamp;
        lastEventCode = event.eventCode();
        return Optional.of(event.digit());
    }
}
