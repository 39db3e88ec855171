package callsim.review.auth;

import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who sees which drills. Admins see every drill. A supervisor sees the drills of their team's agents
 * (and their own, if they take calls too); an agent only their own. Drills are matched by agent key,
 * so a drill with none is an admin's alone, and an agent with no key sees nothing.
 */
public final class AccessPolicy {
    private final Authenticator authenticator;

    public AccessPolicy(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * The user's filter, narrowed to what they may see. Agent keys already in the filter are kept only
     * where the user may see them, so a request can narrow its view but never widen it. An empty key
     * set means no drills at all: the store must then return none.
     */
    public DrillFilter restrict(User user, DrillFilter filter) {
        Optional<Set<String>> visible = visibleKeys(user);
        if (visible.isEmpty()) return filter;
        Set<String> keys = new HashSet<>(visible.get());
        filter.agentKeys().ifPresent(keys::retainAll);
        return filter.onlyAgents(keys);
    }

    /** Whether the drill is one {@link #restrict} lets the user list. */
    public boolean canView(User user, DrillRow drill) {
        Optional<Set<String>> visible = visibleKeys(user);
        return visible.isEmpty() || drill.agentKey().filter(visible.get()::contains).isPresent();
    }

    /**
     * Whether the user may override the drill's scores: an admin, or the supervisor of the agent's team.
     * Not a supervisor's own drill: nobody marks their own work.
     */
    public boolean canOverride(User user, DrillRow drill) {
        return switch (user.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> drill.agentKey().isPresent() && user.team().isPresent()
                    && authenticator.agentKeysInTeam(user.team().get()).contains(drill.agentKey().get());
            case AGENT -> false;
        };
    }

    public boolean canManageUsers(User user) {
        return user.role() == Role.ADMIN;
    }

    /** The agent keys whose drills the user may see; empty for "all of them" (an admin). */
    private Optional<Set<String>> visibleKeys(User user) {
        return switch (user.role()) {
            case ADMIN -> Optional.empty();
            case SUPERVISOR -> {
                Set<String> keys = new HashSet<>(user.team().map(authenticator::agentKeysInTeam).orElse(Set.of()));
                user.agentKey().ifPresent(keys::add);
                yield Optional.of(keys);
            }
            case AGENT -> Optional.of(user.agentKey().map(Set::of).orElse(Set.of()));
        };
    }
}
