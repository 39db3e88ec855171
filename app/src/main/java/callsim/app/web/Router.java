package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.auth.User;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a request to a route, authenticates it as the route's kind asks, and turns refusals and
 * failures into responses: pages redirect to the login, the API answers 401, errors never leak a trace.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = System.getLogger(Router.class.getName());

    enum Kind {
        /** No login needed (the login form, static files). */
        PUBLIC,
        /** A browser page or form: the session cookie. */
        PAGE,
        /** The JSON API: a bearer token or the session cookie. */
        API
    }

    interface Handler {
        void handle(Request request) throws IOException;
    }

    private record Route(String method, Pattern pattern, Kind kind, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();
    private final WebAuth auth;

    Router(WebAuth auth) {
        this.auth = auth;
    }

    Router get(String pattern, Kind kind, Handler handler) {
        routes.add(new Route("GET", Pattern.compile(pattern), kind, handler));
        return this;
    }

    Router post(String pattern, Kind kind, Handler handler) {
        routes.add(new Route("POST", Pattern.compile(pattern), kind, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Request request = null;
        try {
            request = new Request(exchange);
            dispatch(request);
        } catch (WebException e) {
            fail(exchange, e.status(), e.getMessage());
        } catch (IOException e) {
            // Mostly a browser that stopped reading (a media element seeking away): nothing to answer.
            LOG.log(Level.DEBUG, () -> "HTTP " + exchange.getRequestURI().getPath() + ": " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "HTTP " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed", e);
            fail(exchange, 500, "internal error");
        } finally {
            exchange.close();
        }
    }

    private void dispatch(Request request) throws IOException {
        boolean pathKnown = false;
        String method = "HEAD".equals(request.method()) ? "GET" : request.method();
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) continue;
            pathKnown = true;
            if (!route.method().equals(method)) continue;
            request.matched(m);
            if (authenticate(request, route.kind())) route.handler().handle(request);
            return;
        }
        if (pathKnown) {
            request.exchange().getResponseHeaders().set("Allow", "GET, HEAD, POST");
            throw new WebException(405, "method not allowed");
        }
        throw WebException.notFound();
    }

    /** False when it has already answered (redirect to the login page). */
    private boolean authenticate(Request request, Kind kind) throws IOException {
        switch (kind) {
            case PUBLIC -> {
                return true;
            }
            case API -> {
                Optional<String> bearer = WebAuth.bearer(request);
                if (bearer.isPresent()) {
                    User user = auth.userForApiToken(bearer.get()).orElseThrow(() -> unauthorized(request));
                    request.authenticated(user, null);
                    return true;
                }
                Session session = auth.session(request).orElseThrow(() -> unauthorized(request));
                request.authenticated(session.user(), session);
                return true;
            }
            default -> {
                Optional<Session> session = auth.session(request);
                if (session.isPresent()) {
                    request.authenticated(session.get().user(), session.get());
                    return true;
                }
                if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
                    // A form posted without a session cannot carry a valid CSRF token.
                    throw new WebException(403, "your session has ended: log in again");
                }
                Reply.redirect(request.exchange(), "/login?next=" + URLEncoder.encode(request.pathAndQuery(), StandardCharsets.UTF_8));
                return false;
            }
        }
    }

    private static WebException unauthorized(Request request) {
        request.exchange().getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"callsim\"");
        return new WebException(401, "log in or send Authorization: Bearer <api token>");
    }

    private static void fail(HttpExchange exchange, int status, String message) {
        if (exchange.getResponseCode() != -1) return; // headers already went out; the connection closes
        try {
            if (exchange.getRequestURI().getPath().startsWith("/api/")) {
                Reply.json(exchange, status, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("status", status).put("error", message));
            } else {
                Reply.html(exchange, status, Layout.error(status, message));
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "could not send " + status + ": " + e);
        }
    }
}
