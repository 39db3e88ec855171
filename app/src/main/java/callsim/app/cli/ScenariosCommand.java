package callsim.app.cli;

import callsim.core.Scenario;
import callsim.scenarios.ScenarioFormatException;
import callsim.scenarios.ScenarioLibrary;
import callsim.scenarios.ScenarioLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the built-in scenarios, one a line, id first.",
        subcommands = ScenariosCommand.Validate.class)
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario scenario : library.all()) {
            boolean isDefault = scenario.id().equals(library.defaultScenario().id());
            out.println(scenario.id() + "\t" + scenario.title() + (isDefault ? "\t(default)" : ""));
        }
        out.flush();
        return 0;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check one scenario file; prints file:line: field problem and exits 1 on the first error.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A scenario YAML file.")
        Path file;

        @Override
        public Integer call() {
            try {
                Scenario scenario = ScenarioLoader.load(file);
                spec.commandLine().getOut().println(file + ": ok, scenario '" + scenario.id() + "' (" + scenario.title() + ")");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ScenarioFormatException e) {
                spec.commandLine().getErr().println(e.getMessage());
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(file + ": " + (e.getCause() instanceof NoSuchFileException
                        ? "no such file" : "cannot read the file (" + e.getCause().getMessage() + ")"));
            }
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
