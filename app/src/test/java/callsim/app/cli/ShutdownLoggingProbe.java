package callsim.app.cli;

/**
 * A process that logs the way serve does, for {@link ShutdownLoggingTest}: configured logging, a
 * shutdown hook that logs while stopping, "ready" on stdout once the hook is in place.
 */
public final class ShutdownLoggingProbe {
    public static void main(String[] args) throws InterruptedException {
        Logging.configure();
        System.Logger log = System.getLogger("callsim.probe");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(200); // the JDK's own hook runs meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.log(System.Logger.Level.INFO, "probe stopping: drills stored");
        }, "shutdown"));
        log.log(System.Logger.Level.INFO, "probe started");
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
