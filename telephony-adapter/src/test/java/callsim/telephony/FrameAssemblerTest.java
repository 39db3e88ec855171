package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    @Test
    void recutsThirtyMillisecondPacketsIntoTwentyMillisecondFramesInOrder() {
        FrameAssembler assembler = new FrameAssembler();
        List<short[]> frames = new ArrayList<>();
        short next = 0;
        for (int packet = 0; packet < 2; packet++) {
            short[] samples = new short[240];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = next++;
            }
            assembler.push(samples, frames::add);
        }

        assertThat(frames).hasSize(3);
        for (int f = 0; f < 3; f++) {
            assertThat(frames.get(f)).hasSize(160);
            assertThat(frames.get(f)[0]).isEqualTo((short) (f * 160));
            assertThat(frames.get(f)[159]).isEqualTo((short) (f * 160 + 159));
        }
    }
}
