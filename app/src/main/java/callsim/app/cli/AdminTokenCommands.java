package callsim.app.cli;

import callsim.review.auth.ApiToken;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.auth.User;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code callsim admin create-token | list-tokens | revoke-token}: API tokens, for scripts such as a nightly export. */
final class AdminTokenCommands {
    private AdminTokenCommands() {}

    abstract static class TokenCommand extends AdminSubcommand {
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Whose token: it sees what they see.")
        String username;

        @Override
        final int run(DataSource db, PrintWriter out) {
            JdbcAuthenticator authenticator = new JdbcAuthenticator(db, Clock.systemUTC());
            User user = authenticator.accounts().find(username)
                    .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
            return run(authenticator, user, out);
        }

        abstract int run(JdbcAuthenticator authenticator, User user, PrintWriter out);
    }

    @Command(name = "create-token", mixinStandardHelpOptions = true,
            description = "Make an API token and print it, this once: only its hash is kept. Send it as 'Authorization: Bearer TOKEN'.")
    static final class CreateToken extends TokenCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for, like export-script.")
        String name;

        @Override
        int run(JdbcAuthenticator authenticator, User user, PrintWriter out) {
            String token = authenticator.createApiToken(user, name);
            // Only the token on stdout, so a script can capture it; the advice goes to stderr.
            out.println(token);
            spec.commandLine().getErr().println("API token '" + name + "' for '" + username
                    + "': shown this once, store it now (it acts as " + username + "; revoke-token ends it)");
            return 0;
        }
    }

    @Command(name = "list-tokens", mixinStandardHelpOptions = true, description = "A user's API tokens: names and last use, never the tokens.")
    static final class ListTokens extends TokenCommand {
        @Override
        int run(JdbcAuthenticator authenticator, User user, PrintWriter out) {
            List<ApiToken> tokens = authenticator.apiTokens(user);
            if (tokens.isEmpty()) out.println("'" + username + "' has no API tokens");
            for (ApiToken t : tokens) {
                out.println(t.name() + "\tcreated " + t.createdAt().truncatedTo(ChronoUnit.SECONDS)
                        + "\t" + t.lastUsedAt().map(at -> "last used " + at.truncatedTo(ChronoUnit.SECONDS)).orElse("never used"));
            }
            return 0;
        }
    }

    @Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Make an API token stop working at once.")
    static final class RevokeToken extends TokenCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        int run(JdbcAuthenticator authenticator, User user, PrintWriter out) {
            if (!authenticator.revokeApiToken(user, name)) {
                throw new IllegalArgumentException("'" + username + "' has no token named " + name);
            }
            out.println("revoked token '" + name + "' of '" + username + "'");
            return 0;
        }
    }
}
