package callsim.review.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Path segments and local redirect targets. */
final class Paths {
    /** Drill ids and agent keys as they may appear in a URL path. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    private Paths() {}

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String drill(String id) {
        return "/drills/" + segment(id);
    }

    static String agent(String key) {
        return "/agents/" + segment(key);
    }

    /** Only paths on this site ("/drills?x"), never "//host" or "https://host": no open redirect after login. */
    static String localOr(String target, String fallback) {
        return target != null && LOCAL.matcher(target).matches() ? target : fallback;
    }

    /** A path part that must look like an id; anything else is simply not found. */
    static String id(io.javalin.http.Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (!ID.matcher(value).matches()) throw new io.javalin.http.NotFoundResponse("not found");
        return value;
    }
}
