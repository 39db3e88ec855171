package callsim.review.web;

import callsim.review.auth.AccessPolicy;
import callsim.review.auth.Csrf;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;

/** The web layer's {@link Access}, answered by the accounts' {@link AccessPolicy} and {@link Csrf}. */
public final class PolicyAccess implements Access {
    private final AccessPolicy policy;

    public PolicyAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public DrillFilter restrict(User user, DrillFilter filter) {
        return policy.restrict(user, filter);
    }

    @Override
    public boolean canView(User user, DrillRow drill) {
        return policy.canView(user, drill);
    }

    @Override
    public boolean canOverride(User user, DrillRow drill) {
        return policy.canOverride(user, drill);
    }

    @Override
    public boolean validCsrf(Session session, String token) {
        return Csrf.valid(session, token);
    }
}
