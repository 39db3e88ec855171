package callsim.telephony;

/**
 * What a {@link CallLine} reports. Called from network threads: implementations must only queue
 * the event and return quickly.
 */
public interface LineListener {
    /** One decoded 20 ms frame of the agent's audio (160 samples, 8 kHz), in arrival order. */
    void onAudio(short[] frame);

    /** The agent's side signalled hold (re-INVITE sendonly/inactive/0.0.0.0, or a PBX hold event). */
    void onHold();

    /** The agent's side took the call off hold. */
    void onResume();

    /** A DTMF digit (0-9, *, #, A-D), reported once per key press. */
    void onDtmf(char digit);

    /** The call ended: remote BYE/CANCEL, our own hang-up, or media timeout. Reported exactly once. */
    void onHangUp(String reason);

    /**
     * The far end vanished without hanging up (no media for the media timeout, the connection lost).
     * Reported instead of {@link #onHangUp}, exactly once; by default treated as a hang-up.
     */
    default void onLineDropped(String reason) {
        onHangUp(reason);
    }
}
