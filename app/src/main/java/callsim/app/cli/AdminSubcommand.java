package callsim.app.cli;

import callsim.review.store.Database;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every {@code callsim admin} command shares: the database options, and errors as one clear line. */
abstract class AdminSubcommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the review database (PostgreSQL; credentials from $CALLSIM_DB_USER and $CALLSIM_DB_PASSWORD). Default: the embedded one in the data directory.")
    String dbUrl;

    // Refused with a reason, rather than picocli's "Unknown option", which would echo the password back.
    @Option(names = {"--password", "--passwd", "--pass", "-p"}, hidden = true, arity = "0..1", fallbackValue = "")
    String passwordOption;

    /** Checks the arguments, before the database is opened. */
    void validate() {}

    abstract int run(DataSource db, PrintWriter out);

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (passwordOption != null) {
                throw new IllegalArgumentException("a password is never given as an option (it would stay in shell history and show in ps):"
                        + " type it when asked, or pipe it in as one line on stdin");
            }
            validate();
            AdminCommand.quietenDatabaseLogs();
            try (Database db = Database.open(data.resolve(), dbUrl, System.getenv())) {
                return run(db.dataSource(), out);
            }
        } catch (IllegalArgumentException | IllegalStateException | FlywayException e) {
            err.println("callsim admin " + spec.name() + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    char[] readPassword(String username) {
        return PasswordPrompt.read(admin.console, admin.stdin, username);
    }
}
