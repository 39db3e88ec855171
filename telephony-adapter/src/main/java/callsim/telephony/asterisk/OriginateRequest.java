package callsim.telephony.asterisk;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An AMI {@code Originate} that rings an agent's phone and, when answered, runs an application on
 * that channel (for a drill: {@code AudioSocket} with {@code uuid,host:port}). Sent with
 * {@code Async: true}; the outcome arrives as {@link PbxEventListener#onOriginateResult}.
 *
 * @param channel     the agent's device, e.g. {@code PJSIP/201}
 * @param application the dialplan application to run once answered, e.g. {@code AudioSocket}
 * @param data        the application's arguments
 * @param callerId    what the agent's phone shows, e.g. {@code "Training caller" <7000>}
 * @param ringTimeout how long the agent's phone rings before the originate fails
 * @param variables   channel variables to set (e.g. {@code CALLSIM_DRILL})
 */
public record OriginateRequest(String channel, String application, String data, String callerId,
                               Duration ringTimeout, Map<String, String> variables) {
    public OriginateRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        variables = Map.copyOf(variables);
        if (!channel.matches("[A-Za-z0-9_-]+/[^\\s,]+")) {
            throw new IllegalArgumentException("agent channel must look like TECH/resource (e.g. PJSIP/201), got '" + channel + "'");
        }
    }
}
