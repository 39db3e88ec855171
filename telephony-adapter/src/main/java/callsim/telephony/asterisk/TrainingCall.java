package callsim.telephony.asterisk;

import java.util.Map;

/**
 * A call Asterisk handed to the training extension with
 * {@code AGI(agi://HOST:4573/drill?scenario=ID&difficulty=LEVEL)}, as the FastAGI request described it.
 *
 * @param script         the path of the AGI URL without its query ({@code drill})
 * @param parameters     the URL's query parameters, decoded ({@code scenario}, {@code difficulty})
 * @param channel        {@code agi_channel}, e.g. {@code PJSIP/201-00000001}
 * @param uniqueId       {@code agi_uniqueid}
 * @param callerIdNumber {@code agi_callerid}: identifies the agent; null when Asterisk has none (it sends "unknown")
 * @param callerIdName   {@code agi_calleridname}; null when Asterisk has none
 * @param localAddress   the address Asterisk reached callsim on, the natural host for AudioSocket
 */
public record TrainingCall(String script, Map<String, String> parameters, String channel, String uniqueId,
                           String callerIdNumber, String callerIdName, String localAddress) {
    public TrainingCall {
        parameters = Map.copyOf(parameters);
    }
}
