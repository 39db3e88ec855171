package callsim.review.web;

import io.javalin.security.RouteRole;

/** Who may call a route; {@link Guard} checks it before the handler runs, so no handler decides it. */
enum Gate implements RouteRole {
    /** No login (the login and first-run pages, static files, /health). */
    PUBLIC,
    /** A browser page or form: the session cookie. */
    PAGE,
    /** Pages and forms for admins only (accounts). */
    ADMIN,
    /** The JSON API: a bearer API token or the session cookie. */
    API,
    /** The control API ({@code ./callsim call}): the data directory's control token. */
    CONTROL
}
