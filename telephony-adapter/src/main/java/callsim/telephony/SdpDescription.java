package callsim.telephony;

import java.util.List;
import java.util.Map;

/**
 * What we need from a parsed SDP offer or answer: the audio stream's address, port, payload types
 * (in the writer's preference order), encoding names from rtpmap, telephone-event payload type
 * (-1 when absent) and effective direction (media level overrides session level).
 */
public record SdpDescription(
        String connectionAddress,
        int audioPort,
        List<Integer> payloadTypes,
        Map<Integer, String> encodingNames,
        int telephoneEventPayloadType,
        MediaDirection direction) {

    public SdpDescription {
        payloadTypes = List.copyOf(payloadTypes);
        encodingNames = Map.copyOf(encodingNames);
    }

    /** The writer puts the call on hold: sendonly, inactive, or the RFC 2543 address 0.0.0.0. */
    public boolean isHold() {
        return direction == MediaDirection.SENDONLY || direction == MediaDirection.INACTIVE || hasNullAddress();
    }

    /** RFC 2543 style hold: no address to send media to. */
    public boolean hasNullAddress() {
        return "0.0.0.0".equals(connectionAddress);
    }

    public boolean offersTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }
}
