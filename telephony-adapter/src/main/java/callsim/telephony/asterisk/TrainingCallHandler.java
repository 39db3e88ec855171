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
}
