package callsim.review.auth;

/**
 * Cross-site request forgery check for POST forms: each form carries the session's token in a hidden
 * field named {@link #FIELD}, which another site cannot read and so cannot forge.
 */
public final class Csrf {
    /** The form field the web layer puts the token in. */
    public static final String FIELD = "csrf";

    private Csrf() {}

    /** True only for the session's own token; compares in constant time. A missing session or token is invalid. */
    public static boolean valid(Session session, String submittedToken) {
        return session != null && submittedToken != null && !submittedToken.isEmpty()
                && Secrets.same(session.csrfToken(), submittedToken);
    }
}
