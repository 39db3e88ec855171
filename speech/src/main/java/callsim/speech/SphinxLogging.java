package callsim.speech;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Sphinx4's java.util.logging output to warnings. Sphinx4 configures a logger named after
 * its configuration file (with its own console handler) every time a recogniser's configuration is
 * loaded, and some classes log under their package names; both are forced back to WARNING after each
 * recogniser is created, so per-utterance INFO dumps never reach the console.
 */
final class SphinxLogging {
    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger CONFIG_LOGGER = Logger.getLogger("recognizer.config");
    private static final Logger PACKAGE_LOGGER = Logger.getLogger("edu.cmu.sphinx");

    private SphinxLogging() {
    }

    /** Call after creating a recogniser: restores the quiet levels Sphinx4 may have overridden. */
    static void quiet() {
        CONFIG_LOGGER.setLevel(Level.WARNING);
        PACKAGE_LOGGER.setLevel(Level.WARNING);
    }
}
