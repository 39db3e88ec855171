package callsim.app.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One line per log record on stderr, configured once for the whole process (Sphinx4 logs through JUL too). */
final class Logging {
    // JUL holds loggers weakly: without these references a quietened logger can be collected and lose its level.
    private static final java.util.List<Logger> QUIETENED = new java.util.ArrayList<>();

    private Logging() {}

    private static void quieten(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        QUIETENED.add(logger);
    }

    /**
     * Must run before anything logs (the log manager is chosen once, on first use): then lines logged by
     * shutdown hooks, such as serve stopping, are still written.
     */
    static void configure() {
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        // Library chatter that says nothing a call centre's engineer needs.
        quieten("edu.cmu.sphinx", Level.WARNING);
        quieten("gov.nist", Level.WARNING);
        quieten("com.sun.net.httpserver", Level.WARNING);
        // Asterisk-Java narrates every AMI packet at INFO; callsim logs what matters (login, drops, reconnects).
        quieten("org.asteriskjava", Level.WARNING);
        // Its event pump warns each time a connection we closed on purpose ends.
        quieten("org.asteriskjava.manager.internal.AsyncEventPump", Level.SEVERE);
    }
}
