package callsim.review.web;

import callsim.review.auth.Authenticator;
import callsim.review.auth.Role;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;
import java.util.Set;

/** The access rules the auth module's AccessPolicy implements, for tests of the web layer. */
final class RuleAccess implements Access {
    private final Authenticator auth;

    RuleAccess(Authenticator auth) {
        this.auth = auth;
    }

    @Override
    public DrillFilter restrict(User user, DrillFilter filter) {
        return user.role() == Role.ADMIN ? filter : filter.onlyAgents(keys(user));
    }

    @Override
    public boolean canView(User user, DrillRow drill) {
        return user.role() == Role.ADMIN || drill.agentKey().map(keys(user)::contains).orElse(false);
    }

    @Override
    public boolean canOverride(User user, DrillRow drill) {
        return user.role() != Role.AGENT && canView(user, drill);
    }

    @Override
    public boolean validCsrf(Session session, String token) {
        return Guard.same(session.csrfToken(), token);
    }

    private Set<String> keys(User user) {
        return switch (user.role()) {
            case AGENT -> user.agentKey().map(Set::of).orElse(Set.of());
            case SUPERVISOR -> user.team().map(auth::agentKeysInTeam).orElse(Set.of());
            case ADMIN -> Set.of();
        };
    }
}
