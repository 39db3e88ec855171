package callsim.telephony.asterisk;

/**
 * What the PBX tells callsim about channels over AMI. Channel names are Asterisk's
 * (e.g. {@code PJSIP/201-00000001}); unique ids are the channel's {@code Uniqueid}. Called from
 * the AMI reader thread: implementations only queue or look up and return quickly.
 */
public interface PbxEventListener {
    /** {@code Event: Hold}: the channel's phone put the call on hold. */
    default void onHold(String channel, String uniqueId) {}

    /** {@code Event: Unhold}: the channel's phone took the call off hold. */
    default void onUnhold(String channel, String uniqueId) {}

    /** {@code Event: MusicOnHoldStart}: Asterisk started playing music on hold to the channel. */
    default void onMusicOnHoldStart(String channel, String uniqueId) {}

    /** {@code Event: MusicOnHoldStop}. */
    default void onMusicOnHoldStop(String channel, String uniqueId) {}

    /** {@code Event: DTMFEnd} with {@code Direction: Received}: the channel's phone pressed a key. */
    default void onDtmf(String channel, String uniqueId, char digit) {}

    /** {@code Event: Hangup}. */
    default void onHangup(String channel, String uniqueId, int cause, String causeText) {}

    /**
     * {@code Event: OriginateResponse} for an {@link AmiClient#originate} we sent: success means the
     * agent answered and the channel runs the requested application.
     */
    default void onOriginateResult(OriginateResult result) {}

    /** Logged in (first time or after a reconnect). */
    default void onConnected() {}

    /** The connection dropped; the client is reconnecting with back-off. */
    default void onDisconnected(String reason) {}
}
