package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    @Test
    void firstFewLinesOfAKindThenACountWhenTheMinuteIsOver() {
        AtomicLong now = new AtomicLong();
        try (CapturedLog captured = new CapturedLog("rate-limited-test")) {
            RateLimitedLog log = new RateLimitedLog(System.getLogger("rate-limited-test"), 3, Duration.ofMinutes(1), now::get);
            for (int i = 0; i < 100; i++) log.log(Level.WARNING, "garbage", () -> "bad datagram");
            log.log(Level.WARNING, "other kind", () -> "another peer");

            assertThat(captured.warningsContaining("bad datagram")).hasSize(3);
            assertThat(captured.warningsContaining("another peer")).hasSize(1);

            now.addAndGet(Duration.ofSeconds(61).toNanos());
            log.log(Level.WARNING, "garbage", () -> "bad datagram");
            assertThat(captured.warningsContaining("97 more line(s) like the last about garbage")).hasSize(1);
            assertThat(captured.warningsContaining("bad datagram")).hasSize(4);
        }
    }
}
