package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The post-call pass's thread yields the CPU to live drills: its own scheduling priority, not the process's. */
class BackgroundThreadTest {
    @Test
    void onlyTheCallingThreadGetsTheLowestPriority() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = BackgroundThread.currentNice();
        AtomicInteger lowered = new AtomicInteger(Integer.MIN_VALUE);
        Thread worker = new Thread(() -> {
            try {
                if (BackgroundThread.lowerCurrentThread("a test thread")) lowered.set(BackgroundThread.currentNice());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        worker.start();
        worker.join();

        assertThat(lowered).hasValue(BackgroundThread.NICE);
        assertThat(BackgroundThread.currentNice()).as("the rest of the process keeps its priority").isEqualTo(before);
    }
}
