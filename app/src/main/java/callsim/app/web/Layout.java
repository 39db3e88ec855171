package callsim.app.web;

import callsim.app.auth.Role;
import callsim.app.auth.Session;
import callsim.app.auth.User;
import java.util.Locale;

/** The page chrome: head (our own CSS and JS files only), the navigation bar with logout, and error pages. */
final class Layout {
    private Layout() {}

    static Html page(String title, Request request, Html main) {
        Html h = head(title);
        User user = request.user();
        h.open("header", "class", "top").open("nav");
        h.el("a", "Drills", "href", "/drills");
        user.agentKey().filter(k -> user.role() == Role.AGENT)
                .ifPresent(key -> h.el("a", "My progress", "href", "/agents/" + Paths.segment(key)));
        h.close("nav");
        h.open("div", "class", "who")
                .el("span", user.displayName() + " (" + user.role().name().toLowerCase(Locale.ROOT) + ")", "class", "user");
        request.session().ifPresent(session -> logoutForm(h, session));
        h.close("div").close("header");
        h.open("main").trusted(main).close("main");
        return h.close("body").close("html");
    }

    static Html bare(String title, Html main) {
        return head(title).open("main", "class", "narrow").trusted(main).close("main").close("body").close("html");
    }

    static Html error(int status, String message) {
        Html main = new Html().el("h1", status + " " + reason(status)).el("p", message, "class", "error")
                .open("p").el("a", "Back to the drills", "href", "/drills").close("p");
        return bare(status + " " + reason(status), main);
    }

    /** A hidden CSRF field for a form posted by a logged-in user. */
    static void csrfField(Html h, Session session) {
        h.empty("input", "type", "hidden", "name", "csrf", "value", session.csrfToken());
    }

    private static void logoutForm(Html h, Session session) {
        h.open("form", "method", "post", "action", "/logout", "class", "logout");
        csrfField(h, session);
        h.el("button", "Log out", "type", "submit").close("form");
    }

    private static Html head(String title) {
        return new Html().doctype().open("html", "lang", "en").open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .el("title", title + " · callsim")
                .empty("link", "rel", "icon", "href", "data:,")
                .empty("link", "rel", "stylesheet", "href", "/static/app.css")
                .open("script", "src", "/static/app.js", "defer", "defer").close("script")
                .close("head").open("body");
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not logged in";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            default -> "Error";
        };
    }
}
