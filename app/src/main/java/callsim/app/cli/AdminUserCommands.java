package callsim.app.cli;

import callsim.review.auth.Account;
import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code callsim admin create-user | list-users | disable-user | set-password}. */
final class AdminUserCommands {
    private AdminUserCommands() {}

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = "Add a review account; the password is asked for (or read as one line from stdin).")
    static final class CreateUser extends AdminSubcommand {
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name: 2-100 of a-z, 0-9, '.', '_', '-'.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "agent, supervisor or admin.")
        String role;

        @Option(names = "--team", paramLabel = "TEAM", description = "The team: required for a supervisor (whose drills they review).")
        String team;

        @Option(names = "--agent-key", paramLabel = "EXT", description = "The extension the user's drills carry, like 201: required for an agent.")
        String agentKey;

        @Option(names = "--display-name", paramLabel = "NAME", description = "The name the UI shows (default: the username).")
        String displayName;

        private Role parsedRole;

        @Override
        void validate() {
            try {
                parsedRole = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--role must be agent, supervisor or admin, not '" + role + "'");
            }
        }

        @Override
        int run(DataSource db, PrintWriter out) {
            JdbcAccounts accounts = new JdbcAccounts(db, Clock.systemUTC());
            // Refuse a taken name before asking for a password that would be thrown away.
            if (accounts.find(username).isPresent()) throw new IllegalArgumentException("user '" + username + "' already exists");
            char[] password = readPassword(username);
            try {
                User user = accounts.create(username, displayName == null ? username : displayName, parsedRole,
                        Optional.ofNullable(team), Optional.ofNullable(agentKey), password);
                out.println("created " + describe(user));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list-users", mixinStandardHelpOptions = true, description = "Every account, one a line.")
    static final class ListUsers extends AdminSubcommand {
        @Override
        int run(DataSource db, PrintWriter out) {
            List<Account> accounts = new JdbcAccounts(db, Clock.systemUTC()).list();
            if (accounts.isEmpty()) {
                out.println("no users yet: add one with ./callsim admin create-user --username NAME --role admin");
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"USERNAME", "ROLE", "TEAM", "AGENT KEY", "STATUS", "NAME"});
            for (Account a : accounts) {
                User u = a.user();
                rows.add(new String[] {u.username(), role(u), u.team().orElse("-"), u.agentKey().orElse("-"),
                        a.disabled() ? "disabled" : "enabled", u.displayName()});
            }
            printTable(out, rows);
            return 0;
        }
    }

    @Command(name = "disable-user", mixinStandardHelpOptions = true,
            description = "Stop an account logging in: its sessions end and its API tokens stop working.")
    static final class DisableUser extends AdminSubcommand {
        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Override
        int run(DataSource db, PrintWriter out) {
            boolean changed = new JdbcAccounts(db, Clock.systemUTC()).disable(username);
            out.println(changed ? "disabled '" + username + "': their sessions are ended" : "'" + username + "' was disabled already");
            return 0;
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Give an account a new password (asked for, or one line of stdin); its sessions end.")
    static final class SetPassword extends AdminSubcommand {
        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Override
        int run(DataSource db, PrintWriter out) {
            JdbcAccounts accounts = new JdbcAccounts(db, Clock.systemUTC());
            if (accounts.find(username).isEmpty()) throw new IllegalArgumentException("no user '" + username + "'");
            char[] password = readPassword(username);
            try {
                accounts.changePassword(username, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("password changed for '" + username + "': their sessions are ended");
            return 0;
        }
    }

    static String describe(User user) {
        return role(user) + " '" + user.username() + "' (" + user.displayName() + ")"
                + user.team().map(t -> ", team " + t).orElse("") + user.agentKey().map(k -> ", agent key " + k).orElse("");
    }

    private static String role(User user) {
        return user.role().name().toLowerCase(Locale.ROOT);
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line);
        }
    }
}
