package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class MediaClockTest {

    @Test
    void aSlowTickShowsAsLateOutboundAudioUntilReset() {
        AtomicInteger ticks = new AtomicInteger();
        try (MediaClock clock = new MediaClock()) {
            clock.add(() -> {
                // The third tick takes 100 ms, as an overloaded call pipeline would: its frames go out ~100 ms late.
                if (ticks.incrementAndGet() == 3) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                return ticks.get() < 10;
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> clock.size() == 0);

            assertThat(clock.maxLatenessMs()).isGreaterThanOrEqualTo(100);
            assertThat(clock.ticksLateOver40Ms()).isGreaterThanOrEqualTo(1);

            clock.resetLateness();
            assertThat(clock.maxLatenessMs()).isZero();
            assertThat(clock.ticksLateOver40Ms()).isZero();
        }
    }

    @Test
    void aCallThatBreaksOnATickIsDroppedAndTheOtherCallsKeepTheirAudio() {
        AtomicInteger healthyTicks = new AtomicInteger();
        try (MediaClock clock = new MediaClock()) {
            // A class missing at run time (an Error, not an exception) once killed the clock for every call.
            clock.add(() -> {
                throw new NoClassDefFoundError("callsim/core/SomethingMissing");
            });
            clock.add(() -> {
                throw new IllegalStateException("a bug in one pipeline");
            });
            clock.add(() -> healthyTicks.incrementAndGet() < 20);

            await().atMost(Duration.ofSeconds(5)).until(() -> clock.size() == 0);
            assertThat(healthyTicks.get()).isEqualTo(20);
        }
    }
}
