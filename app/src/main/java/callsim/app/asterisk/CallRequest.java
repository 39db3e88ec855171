package callsim.app.asterisk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A drill to ring an agent's phone with, now or at {@code at}.
 *
 * @param agent      the agent's device as Asterisk dials it, e.g. {@code PJSIP/201}
 * @param scenario   empty means the server's default scenario
 * @param difficulty empty means the server's default level
 */
public record CallRequest(String agent, Optional<String> scenario, Optional<String> difficulty, Optional<Instant> at) {
    public CallRequest {
        Objects.requireNonNull(agent, "agent");
        if (!agent.matches("[A-Za-z0-9_-]+/[^\\s,]+")) {
            throw new IllegalArgumentException("agent must be an Asterisk device like PJSIP/201, got '" + agent + "'");
        }
    }
}
