package callsim.review.auth;

import java.util.Optional;

/**
 * Someone who logs in to review drills.
 *
 * @param agentKey for agents, the extension their drills carry ("201"), matched against a drill's agent
 */
public record User(long id, String username, String displayName, Role role, Optional<String> team,
                   Optional<String> agentKey) {}
