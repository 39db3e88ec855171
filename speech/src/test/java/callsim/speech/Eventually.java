package callsim.speech;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds (the speech module does not depend on Awaitility). */
final class Eventually {
    private Eventually() {
    }

    static void within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + timeout);
            Thread.sleep(10);
        }
    }
}
