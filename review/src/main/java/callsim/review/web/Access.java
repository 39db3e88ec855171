package callsim.review.web;

import callsim.review.auth.Session;
import callsim.review.auth.User;
import callsim.review.store.DrillFilter;
import callsim.review.store.DrillRow;

/**
 * Who may see and change what. Agents: drills whose agentKey is theirs; supervisors: their team's
 * agents' drills (and may override scores); admins: everything. The web layer asks this for every list,
 * drill, recording and form post, and never decides access itself.
 */
public interface Access {
    /** The filter narrowed to what {@code user} may see (an agent's or team's agent keys). */
    DrillFilter restrict(User user, DrillFilter filter);

    boolean canView(User user, DrillRow drill);

    boolean canOverride(User user, DrillRow drill);

    /** Whether {@code token} is the session's CSRF token (compared in constant time). */
    boolean validCsrf(Session session, String token);
}
