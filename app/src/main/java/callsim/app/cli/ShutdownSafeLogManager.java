package callsim.app.cli;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The JDK's log manager, except that its own shutdown hook does not reset it: that hook runs alongside
 * ours and removed the handlers before serve's shutdown (hanging up calls, writing reports) could log
 * anything. Handlers are flushed instead; the console needs no closing. Public because the JDK
 * instantiates it by class name ({@code java.util.logging.manager}).
 */
public final class ShutdownSafeLogManager extends LogManager {
    private static final String JDK_SHUTDOWN_HOOK = "java.util.logging.LogManager$Cleaner";

    @Override
    public void reset() {
        if (JDK_SHUTDOWN_HOOK.equals(Thread.currentThread().getClass().getName())) {
            for (Handler handler : Logger.getLogger("").getHandlers()) handler.flush();
            return;
        }
        super.reset();
    }
}
