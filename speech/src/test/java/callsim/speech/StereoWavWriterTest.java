package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StereoWavWriterTest {
    @TempDir Path dir;

    @Test
    void leftAndRightLandInTheirOwnChannels() throws Exception {
        Path file = dir.resolve("call.wav");
        try (StereoWavWriter writer = StereoWavWriter.open(file, 8000)) {
            writer.append(new short[] {100, 200}, new short[] {-1, -2});
            writer.append(new short[] {300}, new short[] {-3});
        }

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(bytes.getInt(40)).as("data size").isEqualTo(12);
        assertThat(bytes.getInt(4)).as("RIFF size").isEqualTo(36 + 12);
        short[] interleaved = new short[6];
        bytes.position(44);
        bytes.asShortBuffer().get(interleaved);
        assertThat(interleaved).containsExactly(100, -1, 200, -2, 300, -3);

        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(in.getFormat().getChannels()).isEqualTo(2);
            assertThat(in.getFrameLength()).isEqualTo(3);
        }
        assertThat(WavFile.read(file).samples()).as("mixed down").containsExactly(50, 99, 149);
    }

    @Test
    void headerIsKeptCurrentWhileRecordingSoACrashLeavesAPlayableFile() throws IOException {
        Path file = dir.resolve("crash.wav");
        StereoWavWriter writer = StereoWavWriter.open(file, 8000);
        short[] second = new short[8000];
        for (int s = 0; s < 7; s++) writer.append(second, second);

        writer.append(new short[4000], new short[4000]);

        // Not closed: what a crash would leave on disk (issue 15, finding 13: at most the last second is missing).
        WavFile.Audio partial = WavFile.read(file);
        assertThat(partial.durationMs()).isBetween(6500L, 7500L);
        assertThat(writer.durationMs()).isEqualTo(7500);

        writer.close();
        assertThat(WavFile.read(file).durationMs()).isEqualTo(7500);
    }

    @Test
    void aRecordingCutOffByACrashIsRepairedToAllItsAudio() throws IOException {
        Path file = dir.resolve("crashed.wav");
        StereoWavWriter writer = StereoWavWriter.open(file, 8000);
        writer.append(new short[8000], new short[8000]);
        writer.append(new short[3000], new short[3000]);  // not closed: the header says 1 s

        assertThat(StereoWavWriter.repair(file, 8000)).isTrue();

        assertThat(WavFile.read(file).durationMs()).isEqualTo(1375);
        assertThat(StereoWavWriter.repair(file, 8000)).as("nothing left to repair").isFalse();
    }

    @Test
    void rejectsUnequalChannelsAndWritesAfterClose() throws IOException {
        StereoWavWriter writer = StereoWavWriter.open(dir.resolve("x.wav"), 8000);
        assertThatThrownBy(() -> writer.append(new short[2], new short[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 vs 3");
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.append(new short[1], new short[1])).isInstanceOf(IllegalStateException.class);
    }
}
