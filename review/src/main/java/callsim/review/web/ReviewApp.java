package callsim.review.web;

import callsim.review.assign.AssignmentRules;
import callsim.review.assign.JdbcAssignments;
import callsim.review.assign.Progress;
import callsim.review.auth.Authenticator;
import callsim.review.auth.JdbcAccounts;
import callsim.review.store.DrillStore;
import callsim.review.store.StoreUnavailableException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP port of a callsim: the review pages, the JSON API, {@code /health} and the control API
 * ({@code /api/calls}) on Javalin. Jetty reads requests without holding a thread, so slow or half-sent
 * requests cost a socket, not a worker; the idle timeout closes them, and the worker pool is bounded.
 */
public final class ReviewApp implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ReviewApp.class.getName());
    /**
     * Jetty and Javalin announce every start at INFO (versions, connectors, a banner line); serve says once
     * where the review is. Held here because JUL keeps loggers weakly.
     */
    private static final java.util.List<java.util.logging.Logger> QUIETENED = java.util.List.of(
            java.util.logging.Logger.getLogger("org.eclipse.jetty"), java.util.logging.Logger.getLogger("io.javalin"));

    /**
     * @param idleTimeout how long a connection may send or take nothing before it is closed
     * @param maxThreads  workers for requests being handled (reading and writing wait without one)
     */
    public record Settings(InetSocketAddress address, Duration idleTimeout, int maxThreads) {
        public static Settings on(InetSocketAddress address) {
            return new Settings(address, Duration.ofSeconds(30), 32);
        }

        public Settings withIdleTimeout(Duration timeout) {
            return new Settings(address, timeout, maxThreads);
        }
    }

    /**
     * What the review serves from: the store, the accounts and who may see what. Assignments need the accounts
     * and their table ({@code assignments}); without both, their pages are not there.
     */
    public record Parts(DrillStore store, Authenticator authenticator, Access access, Clock clock,
                        Map<String, String> scenarioTitles, Optional<JdbcAccounts> accounts, Optional<FirstRun> firstRun,
                        Optional<JdbcAssignments> assignments) {
        public Parts(DrillStore store, Authenticator authenticator, Access access, Clock clock) {
            this(store, authenticator, access, clock, Map.of(), Optional.empty(), Optional.empty());
        }

        public Parts(DrillStore store, Authenticator authenticator, Access access, Clock clock,
                     Map<String, String> scenarioTitles, Optional<JdbcAccounts> accounts, Optional<FirstRun> firstRun) {
            this(store, authenticator, access, clock, scenarioTitles, accounts, firstRun, Optional.empty());
        }
    }

    private final Javalin app;

    private ReviewApp(Javalin app) {
        this.app = app;
    }

    /** The review UI and APIs; {@code control} answers {@code /api/calls} when a control token is given. */
    public static ReviewApp start(Settings settings, Parts parts, Optional<CallControl> control, Optional<ControlToken> token) {
        QUIETENED.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        Views views = new Views(templates);
        Guard guard = new Guard(parts.authenticator(), token);
        Drills drills = new Drills(parts.store(), parts.access());
        Names names = new Names(parts.authenticator(), parts.scenarioTitles());
        Optional<AssignmentBoard> board = parts.assignments().flatMap(table -> parts.accounts().map(accounts -> new AssignmentBoard(
                new Progress(table, parts.store(), accounts), new AssignmentRules(accounts, parts.scenarioTitles().keySet()), accounts,
                drills, names, parts.clock())));
        Pages pages = new Pages(drills, views, names, board);
        Login login = new Login(parts.authenticator(), views, parts.clock(), new LoginThrottle(parts.clock()));
        Api api = new Api(drills, names, new Exports(drills, names, parts.clock()), new Recordings(drills));
        Accounts accounts = new Accounts(parts.accounts(), parts.firstRun(), views, login);
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()), 60_000,
                new BlockingArrayQueue<>(256));
        threads.setName("http");
        threads.setDaemon(true);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = threads;
            config.http.maxRequestSize = 64 * 1024;
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/callsim/review/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=300");
                files.mimeTypes.add("text/javascript; charset=utf-8", "js");
                files.mimeTypes.add("text/css; charset=utf-8", "css");
                files.roles = java.util.Set.of(Gate.PUBLIC);
            });
            config.routes.before(Guard::headers);
            config.routes.beforeMatched(guard::check);
            config.routes.get("/health", ctx -> ctx.contentType("text/plain").result("ok\n"), Gate.PUBLIC);
            config.routes.get("/", ctx -> ctx.redirect("/drills", io.javalin.http.HttpStatus.SEE_OTHER), Gate.PUBLIC);
            login.routes(config.routes);
            accounts.routes(config.routes);
            pages.routes(config.routes);
            new Team(drills, views, names).routes(config.routes);
            board.ifPresent(b -> {
                new AssignmentPages(b, views).routes(config.routes);
                new AssignmentApi(b).routes(config.routes);
            });
            new Xapi(drills, names).routes(config.routes);
            Exports exports = new Exports(drills, names, parts.clock());
            config.routes.get("/drills.csv", exports::csv, Gate.PAGE);
            config.routes.get("/drills.json", exports::json, Gate.PAGE);
            config.routes.get("/drills/{id}/recording.wav", new Recordings(drills)::serve, Gate.PAGE);
            api.routes(config.routes);
            control.ifPresent(c -> new ControlRoutes(c).routes(config.routes));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> views.error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(CallControl.Unavailable.class, (e, ctx) -> views.error(ctx, 503, e.getMessage()));
            config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
                LOG.log(Level.WARNING, "HTTP " + ctx.path() + ": " + e.getMessage());
                views.error(ctx, 503, "the review database is not answering; drills are kept on disk meanwhile: try again shortly");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof org.eclipse.jetty.http.HttpException http && http.getCode() < 500) {
                    views.error(ctx, http.getCode(), "malformed request: " + http.getReason());
                    return;
                }
                LOG.log(Level.ERROR, "HTTP " + ctx.method() + " " + ctx.path() + " failed", e);
                views.error(ctx, 500, "internal error");
            });
        });
        app.start(settings.address().getHostString(), settings.address().getPort());
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector c) c.setIdleTimeout(settings.idleTimeout().toMillis());
        }
        LOG.log(Level.INFO, "review UI and API on http://" + settings.address().getHostString() + ":" + app.port() + "/");
        return new ReviewApp(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
