package callsim.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where drills are kept. Defaults to $CALLSIM_DATA, else ./data. */
final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Where drills are kept (default: $CALLSIM_DATA or ./data).")
    Path dataDir;

    Path resolve() {
        if (dataDir != null) return dataDir;
        String env = System.getenv("CALLSIM_DATA");
        return Path.of(env == null || env.isBlank() ? "data" : env);
    }
}
