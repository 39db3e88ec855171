package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
    @TempDir Path dir;

    private static final short[] RAMP = {0, 1000, -1000, 32767, -32768, 12345, -256, 256};

    @Test
    void monoPcm16RoundTrips() throws IOException {
        Path file = dir.resolve("mono.wav");
        WavFile.writeMono(file, 8000, RAMP);

        WavFile.Audio audio = WavFile.read(file);

        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.samples()).containsExactly(RAMP);
        assertThat(Files.size(file)).isEqualTo(44 + 2 * RAMP.length);
    }

    @Test
    void fileWrittenByUsIsReadableByJavaSound() throws Exception {
        Path file = dir.resolve("check.wav");
        WavFile.writeMono(file, 16000, RAMP);

        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(16000f);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(RAMP.length);
        }
    }

    @Test
    void readsEightBitUnsignedPcm() throws IOException {
        byte[] data = {(byte) 128, (byte) 255, 0, (byte) 192};
        WavFile.Audio audio = read(wav(fmt(1, 1, 8000, 8), data));
        assertThat(audio.samples()).containsExactly((short) 0, (short) 32512, (short) -32768, (short) 16384);
    }

    @Test
    void readsTwentyFourAndThirtyTwoBitPcmKeepingTheTopSixteenBits() throws IOException {
        ByteBuffer pcm24 = le(6).put(new byte[] {0x11, 0x34, 0x12}).put(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x80});
        assertThat(read(wav(fmt(1, 1, 8000, 24), pcm24.array())).samples())
                .containsExactly((short) 0x1234, (short) 0x80FF);

        ByteBuffer pcm32 = le(8).putInt(0x12345678).putInt(-65536 * 300);
        assertThat(read(wav(fmt(1, 1, 8000, 32), pcm32.array())).samples())
                .containsExactly((short) 0x1234, (short) -300);
    }

    @Test
    void readsIeeeFloatClippingOutOfRangeValues() throws IOException {
        ByteBuffer floats = le(16).putFloat(0.5f).putFloat(-1.0f).putFloat(2.0f).putFloat(0f);
        assertThat(read(wav(fmt(3, 1, 48000, 32), floats.array())).samples())
                .containsExactly((short) 16384, (short) -32767, (short) 32767, (short) 0);
    }

    @Test
    void decodesG711KnownCodes() throws IOException {
        byte[] muLaw = {(byte) 0xFF, 0x7F, 0x00, (byte) 0x80, (byte) 0xFE};
        assertThat(read(wav(fmt(7, 1, 8000, 8), muLaw)).samples())
                .containsExactly((short) 0, (short) 0, (short) -32124, (short) 32124, (short) 8);
        byte[] aLaw = {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A};
        assertThat(read(wav(fmt(6, 1, 8000, 8), aLaw)).samples())
                .containsExactly((short) 8, (short) -8, (short) 32256, (short) -32256);
    }

    @Test
    void g711FilesFromJavaSoundDecodeCloseToTheOriginal() throws Exception {
        short[] tone = new short[800];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (12000 * Math.sin(2 * Math.PI * 440 * i / 8000));
        for (AudioFormat.Encoding encoding : new AudioFormat.Encoding[] {AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW}) {
            Path file = dir.resolve(encoding + ".wav");
            writeWithJavaSound(file, tone, encoding);

            short[] decoded = WavFile.read(file).samples();

            assertThat(decoded).hasSameSizeAs(tone);
            for (int i = 0; i < tone.length; i++) {
                // G.711 keeps roughly 4 significant bits: error below 1/16 of the magnitude (+ small step).
                assertThat(Math.abs(decoded[i] - tone[i])).as("%s sample %d", encoding, i)
                        .isLessThanOrEqualTo(Math.abs(tone[i]) / 16 + 16);
            }
        }
    }

    @Test
    void stereoIsMixedDownToMono() throws IOException {
        ByteBuffer frames = le(8).putShort((short) 1000).putShort((short) 3000).putShort((short) -100).putShort((short) 100);
        WavFile.Audio audio = read(wav(fmt(1, 2, 8000, 16), frames.array()));
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.samples()).containsExactly((short) 2000, (short) 0);
    }

    @Test
    void readsWaveFormatExtensibleAndSkipsOddSizedChunksWithTheirPadByte() throws IOException {
        ByteBuffer ext = le(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(16000).putInt(32000)
                .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1) // sub-format GUID starts with the PCM tag
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        byte[] file = concat(riffHeader(), chunk("fmt ", ext.array()), chunk("LIST", new byte[] {1, 2, 3}),
                chunk("fact", le(4).putInt(2).array()), chunk("data", le(4).putShort((short) 7).putShort((short) -7).array()));

        WavFile.Audio audio = read(file);

        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.samples()).containsExactly((short) 7, (short) -7);
    }

    @Test
    void truncatedDataChunkIsReportedWithTheFileName() throws IOException {
        Path file = dir.resolve("cut.wav");
        WavFile.writeMono(file, 8000, new short[1000]);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, 500));

        assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.wav").hasMessageContaining("truncated");
    }

    @Test
    void rejectsNonRiffAndUnsupportedFormatsClearly() throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "this is not audio at all");
        assertThatThrownBy(() -> WavFile.read(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.wav").hasMessageContaining("not a RIFF/WAVE file");

        Path adpcm = dir.resolve("adpcm.wav");
        Files.write(adpcm, wav(fmt(2, 1, 8000, 4), new byte[8]));
        assertThatThrownBy(() -> WavFile.read(adpcm)).isInstanceOf(IOException.class)
                .hasMessageContaining("adpcm.wav").hasMessageContaining("unsupported format tag 2");

        Path noData = dir.resolve("nodata.wav");
        Files.write(noData, concat(riffHeader(), chunk("fmt ", fmt(1, 1, 8000, 16))));
        assertThatThrownBy(() -> WavFile.read(noData)).hasMessageContaining("no data chunk");
    }

    // --- helpers building WAV bytes by hand ---

    private WavFile.Audio read(byte[] wav) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".wav");
        Files.write(file, wav);
        return WavFile.read(file);
    }

    private static byte[] fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        return le(16).putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).array();
    }

    private static byte[] wav(byte[] fmt, byte[] data) {
        return concat(riffHeader(), chunk("fmt ", fmt), chunk("data", data));
    }

    private static byte[] riffHeader() {
        return concat("RIFF".getBytes(StandardCharsets.US_ASCII), le(4).putInt(0).array(),
                "WAVE".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] chunk(String id, byte[] body) {
        byte[] padded = Arrays.copyOf(body, body.length + (body.length & 1));
        return concat(id.getBytes(StandardCharsets.US_ASCII), le(4).putInt(body.length).array(), padded);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) all.put(part);
        return all.array();
    }

    private static void writeWithJavaSound(Path file, short[] samples, AudioFormat.Encoding encoding) throws Exception {
        ByteBuffer pcm = le(2 * samples.length);
        for (short s : samples) pcm.putShort(s);
        AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(pcm.array()), linear, samples.length);
             AudioInputStream encoded = AudioSystem.getAudioInputStream(encoding, source)) {
            AudioSystem.write(encoded, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
