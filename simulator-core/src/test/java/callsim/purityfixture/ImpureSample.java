package callsim.purityfixture;

import java.util.Random;

/** Breaks every purity rule on purpose, so the architecture test can show each rule bites. */
public final class ImpureSample {
    public long wallClock() {
        return System.currentTimeMillis() + System.nanoTime() + java.time.Instant.now().getNano();
    }

    public double unseeded() {
        return new Random().nextDouble() + Math.random() + java.util.concurrent.ThreadLocalRandom.current().nextInt();
    }

    public void io() throws java.io.IOException {
        java.nio.file.Files.readString(java.nio.file.Path.of("x"));
    }

    public void thread() {
        new Thread(() -> { }).start();
    }

    public Object clock() {
        return java.time.LocalDateTime.now(java.time.Clock.systemUTC());
    }
}
