package callsim.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The app's own CSS and JS from the classpath (no CDN, no build step); loaded once at start. */
final class StaticFiles {
    private static final String ROOT = "/callsim/app/web/static/";
    private static final Map<String, String> TYPES = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    StaticFiles() {
        this.files = Map.of("app.js", load("app.js"), "app.css", load("app.css"));
    }

    void register(Router router) {
        router.get("/static/(?<name>[a-z]+\\.(?:js|css))", Router.Kind.PUBLIC, this::serve);
    }

    private void serve(Request request) throws IOException {
        String name = request.pathPart("name");
        byte[] body = files.get(name);
        if (body == null) throw WebException.notFound();
        request.exchange().getResponseHeaders().set("Cache-Control", "public, max-age=300");
        Reply.bytes(request.exchange(), 200, TYPES.get(name), body);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + ROOT + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
