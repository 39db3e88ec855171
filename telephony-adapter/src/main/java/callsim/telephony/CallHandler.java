package callsim.telephony;

/** Accepts new calls. Invoked once the call is established (media can flow). */
@FunctionalInterface
public interface CallHandler {
    /** Returns the listener that will receive this call's audio and events. Must not block. */
    LineListener callStarted(CallLine line);
}
