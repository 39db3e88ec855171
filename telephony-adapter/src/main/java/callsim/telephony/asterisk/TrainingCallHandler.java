package callsim.telephony.asterisk;

/** Decides where a training call's media goes. Called on the FastAGI connection's thread. */
@FunctionalInterface
public interface TrainingCallHandler {
    /**
     * Books a drill for this call and returns the AudioSocket the channel must connect to.
     *
     * @throws IllegalArgumentException when the request cannot be served (e.g. an unknown scenario);
     *         the message is logged and shown to Asterisk with {@code VERBOSE}, and the call is hung up
     */
    AudioSocketTarget route(TrainingCall call);

    /**
     * While Asterisk runs {@code AudioSocket} for a routed call, asked every few seconds: true while the
     * drill is still expected (its media about to connect) or on the line. False ends the FastAGI connection,
     * so a peer that takes a booking and never brings the call cannot hold a worker.
     */
    default boolean drillPending(java.util.UUID drill) {
        return true;
    }
}
