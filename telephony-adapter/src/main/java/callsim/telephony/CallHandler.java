package callsim.telephony;

/** Accepts new calls. Invoked once the call is established (media can flow). */
@FunctionalInterface
public interface CallHandler {
    /** Returns the listener that will receive this call's audio and events. Must not block. */
    LineListener callStarted(CallLine line);

    /**
     * Why a call to {@code dialledNumber} cannot be served (e.g. a mistyped scenario name), checked before
     * the call is answered; empty to answer it. The SIP endpoint refuses such a call with 404.
     */
    default java.util.Optional<String> refusal(String dialledNumber) {
        return java.util.Optional.empty();
    }

    /** False while the handler cannot take calls yet (the simulator is starting); the SIP endpoint answers 503. */
    default boolean ready() {
        return true;
    }
}
