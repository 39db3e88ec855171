package callsim.app.web;

import callsim.app.auth.Authenticator;
import callsim.app.store.DrillStore;
import com.sun.net.httpserver.HttpServer;
import java.time.Clock;

/**
 * The review web UI and JSON API on the JDK's HTTP server. Pages: {@code /login}, {@code /drills}
 * (+ {@code .csv}, {@code .json}), {@code /drills/ID}, {@code /agents/KEY}; API: {@code /api/drills...}.
 * Installed on "/", so more specific contexts (/health, /api/calls) keep their own handlers.
 */
public final class WebApp {
    private WebApp() {}

    public static void install(HttpServer server, DrillStore store, Authenticator authenticator, Access access, Clock clock) {
        WebAuth auth = new WebAuth(authenticator);
        Drills drills = new Drills(store, access);
        Exports exports = new Exports(drills, clock);
        Recording recording = new Recording(drills);
        DrillListPage list = new DrillListPage(drills);
        DrillPage drill = new DrillPage(drills);
        OverrideForm override = new OverrideForm(drills);
        AgentPage agent = new AgentPage(drills);
        Router router = new Router(auth);
        router.get("/", Router.Kind.PUBLIC, r -> Reply.redirect(r.exchange(), "/drills"));
        new LoginPages(auth, access, clock).register(router);
        router.get("/drills", Router.Kind.PAGE, list::render)
                .get("/drills\\.csv", Router.Kind.PAGE, exports::csv)
                .get("/drills\\.json", Router.Kind.PAGE, exports::json)
                .get("/drills/(?<id>" + Paths.ID + ")", Router.Kind.PAGE, drill::render)
                .get("/drills/(?<id>" + Paths.ID + ")/recording\\.wav", Router.Kind.PAGE, recording::serve)
                .post("/drills/(?<id>" + Paths.ID + ")/override", Router.Kind.PAGE, override::submit)
                .get("/agents/(?<key>" + Paths.ID + ")", Router.Kind.PAGE, agent::render);
        new ApiRoutes(drills, exports, recording).register(router);
        new StaticFiles().register(router);
        server.createContext("/", router);
    }
}
