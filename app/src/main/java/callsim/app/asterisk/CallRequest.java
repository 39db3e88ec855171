package callsim.app.asterisk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A drill to ring an agent's phone with, now or at {@code at}; or, with {@code assignment}, every agent of that
 * assignment who still has work left, each with their next drill.
 *
 * @param agent      the agent's device as Asterisk dials it, e.g. {@code PJSIP/201}; for an assignment, the device
 *                   with {@code {agent}} where each agent's extension goes, e.g. {@code PJSIP/{agent}}
 * @param scenario   empty means the server's default scenario (none with an assignment: each agent's next item)
 * @param difficulty empty means the server's default level
 */
public record CallRequest(String agent, Optional<String> scenario, Optional<String> difficulty, Optional<Instant> at,
                          Optional<Long> assignment) {
    /** How an assignment's agents are dialled unless told otherwise. */
    public static final String DEFAULT_DEVICE = "PJSIP/" + OutboundDrills.AGENT_PLACEHOLDER;

    public CallRequest {
        Objects.requireNonNull(agent, "agent");
        if (!agent.matches("[A-Za-z0-9_-]+/[^\\s,]+")) {
            throw new IllegalArgumentException("agent must be an Asterisk device like PJSIP/201, got '" + agent + "'");
        }
        if (assignment.isPresent()) {
            if (!agent.contains(OutboundDrills.AGENT_PLACEHOLDER)) {
                throw new IllegalArgumentException("for an assignment, the device needs " + OutboundDrills.AGENT_PLACEHOLDER
                        + " where each agent's extension goes, like " + DEFAULT_DEVICE + ", got '" + agent + "'");
            }
            if (scenario.isPresent() || difficulty.isPresent()) {
                throw new IllegalArgumentException("an assignment says each agent's drill: no scenario or level with it");
            }
        }
    }

    public CallRequest(String agent, Optional<String> scenario, Optional<String> difficulty, Optional<Instant> at) {
        this(agent, scenario, difficulty, at, Optional.empty());
    }

    /** Every agent of assignment {@code id} with work left, dialled as {@code device}. */
    public static CallRequest forAssignment(long id, String device, Optional<Instant> at) {
        return new CallRequest(device, Optional.empty(), Optional.empty(), at, Optional.of(id));
    }
}
