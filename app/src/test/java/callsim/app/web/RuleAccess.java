package callsim.app.web;

import callsim.app.auth.Authenticator;
import callsim.app.auth.Role;
import callsim.app.auth.Session;
import callsim.app.auth.User;
import callsim.app.store.DrillFilter;
import callsim.app.store.DrillRow;
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
        return WebAuth.sameToken(session.csrfToken(), token);
    }

    private Set<String> keys(User user) {
        return switch (user.role()) {
            case AGENT -> user.agentKey().map(Set::of).orElse(Set.of());
            case SUPERVISOR -> user.team().map(auth::agentKeysInTeam).orElse(Set.of());
            case ADMIN -> Set.of();
        };
    }
}
