package callsim.app.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code callsim admin}: accounts for the review UI and tokens for its API, straight in the database. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Manage review accounts and API tokens.",
                "Passwords are typed twice without echo, or read as one line from stdin when it is not a terminal; never given as an option."},
        subcommands = {AdminUserCommands.CreateUser.class, AdminUserCommands.ListUsers.class, AdminUserCommands.DisableUser.class,
                AdminUserCommands.SetPassword.class, AdminTokenCommands.CreateToken.class, AdminTokenCommands.ListTokens.class,
                AdminTokenCommands.RevokeToken.class})
final class AdminCommand implements Runnable {
    // Held so JUL cannot collect them and lose their level. The pool and migrations narrate at INFO, and Flyway
    // warns on every run that it has not been tested with this H2; failures still reach the user as exceptions.
    private static final Logger POOL = Logger.getLogger("com.zaxxer.hikari");
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    final InputStream stdin;
    final Console console;

    @Spec
    CommandSpec spec;

    AdminCommand() {
        this(System.in, System.console());
    }

    /** @param console null when stdin is not a terminal: the password is then one line of {@code stdin} */
    AdminCommand(InputStream stdin, Console console) {
        this.stdin = stdin;
        this.console = console;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void quietenDatabaseLogs() {
        POOL.setLevel(Level.WARNING);
        FLYWAY.setLevel(Level.SEVERE);
    }
}
