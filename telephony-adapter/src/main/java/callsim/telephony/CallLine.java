package callsim.telephony;

/**
 * One live call as the drill pipeline sees it: 20 ms frames of 8 kHz 16-bit mono PCM in and out,
 * plus line events. SIP and AudioSocket calls both look like this, so the pipeline never knows
 * which one it is talking to.
 */
public interface CallLine {
    /** Samples in one 20 ms frame at 8 kHz. */
    int FRAME_SAMPLES = 160;

    /** Stable id of this call (the SIP Call-ID, or the AudioSocket UUID). */
    String callId();

    /** Who is on the other end, for the report (e.g. {@code sip:201@10.0.0.5} or a caller id). */
    String remoteParty();

    /** The number that was dialled (SIP request-URI user part); empty when not known. */
    String dialledNumber();

    /**
     * Sends one 20 ms frame ({@link #FRAME_SAMPLES} samples) to the agent. The pipeline calls this
     * once per tick of its monotonic media clock; implementations encode and send at once and never block.
     */
    void sendAudio(short[] frame);

    /** Ends the call from our side (SIP BYE). Idempotent; {@link LineListener#onHangUp} follows. */
    void hangUp();
}
