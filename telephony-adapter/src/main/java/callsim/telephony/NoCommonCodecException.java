package callsim.telephony;

import java.util.List;

/** The offer contains neither PCMU nor PCMA: the call is answered with 488 Not Acceptable Here. */
public final class NoCommonCodecException extends RuntimeException {
    private final List<Integer> offeredPayloadTypes;

    public NoCommonCodecException(List<Integer> offeredPayloadTypes) {
        super("no common codec: offer has payload types " + offeredPayloadTypes + ", we need PCMU (0) or PCMA (8)");
        this.offeredPayloadTypes = List.copyOf(offeredPayloadTypes);
    }

    public List<Integer> offeredPayloadTypes() {
        return offeredPayloadTypes;
    }
}
