package callsim.review.web;

import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in the browser while serve runs: the first-run set-up page that creates the first admin, and
 * the admins' page to create, disable and reset users and move them between teams. The CLI does the same.
 */
final class Accounts {
    private static final Logger LOG = System.getLogger(Accounts.class.getName());

    private final Optional<JdbcAccounts> accounts;
    private final Optional<FirstRun> firstRun;
    private final Views views;
    private final Login login;

    Accounts(Optional<JdbcAccounts> accounts, Optional<FirstRun> firstRun, Views views, Login login) {
        this.accounts = accounts;
        this.firstRun = firstRun;
        this.views = views;
        this.login = login;
    }

    void routes(RoutesConfig routes) {
        routes.get("/setup", this::setupForm, Gate.PUBLIC);
        routes.post("/setup", this::setup, Gate.PUBLIC);
        routes.get("/admin/users", this::list, Gate.ADMIN);
        routes.post("/admin/users", this::create, Gate.ADMIN);
        routes.post("/admin/users/{username}/disable", this::disable, Gate.ADMIN);
        routes.post("/admin/users/{username}/password", this::password, Gate.ADMIN);
        routes.post("/admin/users/{username}/team", this::team, Gate.ADMIN);
    }

    private void setupForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (firstRun.isEmpty() || !firstRun.get().valid(token)) throw new NotFoundResponse("not found");
        setupPage(ctx, 200, token, "", "", null);
    }

    private void setup(Context ctx) {
        String token = ctx.formParam("token");
        if (firstRun.isEmpty() || accounts.isEmpty() || !firstRun.get().valid(token)) throw new NotFoundResponse("not found");
        String username = text(ctx, "username");
        String name = text(ctx, "displayName");
        char[] password = text(ctx, "password").toCharArray();
        try {
            if (!firstRun.get().spend(token)) throw new NotFoundResponse("not found");
            User admin;
            try {
                admin = accounts.get().create(username, name, Role.ADMIN, Optional.empty(), Optional.empty(), password);
            } catch (IllegalArgumentException e) {
                throw new SetupRefused(e.getMessage());
            }
            LOG.log(Level.INFO, "first admin '" + username + "' created in the browser; the set-up link no longer works");
            login.startSession(ctx, admin);
            ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
        } catch (SetupRefused e) {
            firstRun.get().restore(token);
            setupPage(ctx, 400, token, username, name, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static final class SetupRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupRefused(String message) {
            super(message);
        }
    }

    private void setupPage(Context ctx, int status, String token, String username, String name, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", Views.chrome(ctx, "Set up callsim"));
        params.put("csrf", Cookies.formToken(ctx, Login.FORM_LIFETIME));
        params.put("token", token);
        params.put("username", username);
        params.put("displayName", name);
        params.put("error", error);
        views.render(ctx, status, "setup.jte", params);
    }

    private void list(Context ctx) {
        page(ctx, 200, null, null);
    }

    private void page(Context ctx, int status, String message, String error) {
        JdbcAccounts store = store();
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", Views.chrome(ctx, "Accounts"));
        params.put("accounts", store.list());
        params.put("message", message);
        params.put("error", error);
        views.render(ctx, status, "users.jte", params);
    }

    private void create(Context ctx) {
        String username = text(ctx, "username");
        Role role = role(ctx.formParam("role"));
        char[] password = text(ctx, "password").toCharArray();
        try {
            store().create(username, text(ctx, "displayName"), role, optional(ctx, "team"), optional(ctx, "agentKey"), password);
            LOG.log(Level.INFO, "admin '" + Guard.user(ctx).username() + "' created " + role.name().toLowerCase(Locale.ROOT) + " '" + username + "'");
            page(ctx, 200, "Created " + username + ".", null);
        } catch (IllegalArgumentException e) {
            page(ctx, 400, null, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void disable(Context ctx) {
        String username = ctx.pathParam("username");
        if (username.equals(Guard.user(ctx).username())) {
            page(ctx, 400, null, "you cannot disable your own account");
            return;
        }
        change(ctx, () -> store().disable(username), "Disabled " + username + "; their sessions and API tokens stopped working.");
    }

    private void password(Context ctx) {
        String username = ctx.pathParam("username");
        char[] password = text(ctx, "password").toCharArray();
        try {
            change(ctx, () -> store().changePassword(username, password), "New password set for " + username + "; their sessions ended.");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void team(Context ctx) {
        String username = ctx.pathParam("username");
        change(ctx, () -> store().changeTeam(username, optional(ctx, "team")), "Moved " + username + ".");
    }

    private void change(Context ctx, Runnable change, String done) {
        try {
            change.run();
            LOG.log(Level.INFO, "admin '" + Guard.user(ctx).username() + "': " + done);
            page(ctx, 200, done, null);
        } catch (IllegalArgumentException e) {
            page(ctx, 400, null, e.getMessage());
        }
    }

    private JdbcAccounts store() {
        return accounts.orElseThrow(() -> new NotFoundResponse("accounts are managed with ./callsim admin here"));
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("role: agent, supervisor or admin");
        }
    }

    private static String text(Context ctx, String name) {
        String value = Optional.ofNullable(ctx.formParam(name)).orElse("");
        if (value.length() > 1000) throw new BadRequestResponse(name + " is too long");
        return value;
    }

    private static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
