package callsim.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code callsim} command line. */
@Command(name = "callsim", mixinStandardHelpOptions = true, version = "callsim 0.1.0",
        description = "Angry-caller de-escalation drills over a real phone line.",
        subcommands = {ServeCommand.class, CallCommand.class, DemoCommand.class, ReportCommand.class, TranscribeCommand.class, ChatCommand.class, ScenariosCommand.class, AdminCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.configure();
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("callsim: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (Boolean.getBoolean("callsim.debug")) e.printStackTrace(cmd.getErr());
                    return 1;
                })
                .execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
