package callsim.app.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One line per log record on stderr, configured once for the whole process (Sphinx4 logs through JUL too). */
final class Logging {
    private Logging() {}

    static void configure() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        // Library chatter that says nothing a call centre's engineer needs.
        Logger.getLogger("edu.cmu.sphinx").setLevel(Level.WARNING);
        Logger.getLogger("gov.nist").setLevel(Level.WARNING);
        Logger.getLogger("com.sun.net.httpserver").setLevel(Level.WARNING);
    }
}
