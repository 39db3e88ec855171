package callsim.telephony.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketDecoderTest {
    private final AudioSocketDecoder decoder = new AudioSocketDecoder();

    private static short[] ramp(int samples) {
        short[] ramp = new short[samples];
        for (int i = 0; i < samples; i++) {
            ramp[i] = (short) (i * 97 - 8000);
        }
        return ramp;
    }

    private static byte[] stream(AudioSocketFrame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AudioSocketFrame frame : frames) {
            out.writeBytes(AudioSocketCodec.encode(frame));
        }
        return out.toByteArray();
    }

    private final List<AudioSocketFrame> sequence = List.of(
            AudioSocketFrame.uuid(UUID.randomUUID()), AudioSocketFrame.audio(ramp(160)), AudioSocketFrame.dtmf('5'),
            AudioSocketFrame.audio(ramp(240)), AudioSocketFrame.error(1), AudioSocketFrame.hangUp());

    @Test
    void decodesSeveralFramesFromOneChunk() {
        assertThat(decoder.feed(stream(sequence.toArray(AudioSocketFrame[]::new)))).isEqualTo(sequence);
        assertThat(decoder.isMidFrame()).isFalse();
    }

    @Test
    void decodesTheSameFramesWhenEveryByteArrivesAlone() {
        byte[] wire = stream(sequence.toArray(AudioSocketFrame[]::new));
        List<AudioSocketFrame> decoded = new ArrayList<>();
        for (byte b : wire) {
            decoded.addAll(decoder.feed(new byte[] {b}));
        }
        assertThat(decoded).isEqualTo(sequence);
        assertThat(decoded.get(1).samples()).isEqualTo(ramp(160));
    }

    @Test
    void keepsAHeaderSplitAcrossReadsAndAPayloadSplitAcrossReads() {
        byte[] wire = stream(AudioSocketFrame.audio(ramp(160)));
        assertThat(decoder.feed(wire, 0, 2)).isEmpty();
        assertThat(decoder.describePartialFrame()).isEqualTo("2 of 3 header bytes");
        assertThat(decoder.feed(wire, 2, 100)).isEmpty();
        assertThat(decoder.isMidFrame()).isTrue();
        assertThat(decoder.describePartialFrame()).isEqualTo("AUDIO payload 99 of 320 bytes");
        List<AudioSocketFrame> frames = decoder.feed(wire, 102, wire.length - 102);
        assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.samples()).isEqualTo(ramp(160)));
    }

    @Test
    void rejectsAnUnknownTypeNamingIt() {
        assertThatThrownBy(() -> decoder.feed(HexFormat.of().parseHex("020001")))
                .isInstanceOf(AudioSocketProtocolException.class).hasMessageContaining("unknown").hasMessageContaining("0x02");
        assertThatThrownBy(() -> decoder.feed(new byte[] {0})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explainsHigherRateAudioIsNotSupported() {
        assertThatThrownBy(() -> decoder.feed(HexFormat.of().parseHex("120280")))
                .isInstanceOf(AudioSocketProtocolException.class).hasMessageContaining("0x12").hasMessageContaining("8 kHz");
    }

    @Test
    void rejectsAnOversizedLengthBeforeReadingThePayload() {
        assertThatThrownBy(() -> decoder.feed(HexFormat.of().parseHex("10ffff")))
                .isInstanceOf(AudioSocketProtocolException.class).hasMessageContaining("AUDIO").hasMessageContaining("65535");
    }

    @Test
    void rejectsLengthsTheKindCannotHave() {
        assertThatThrownBy(() -> new AudioSocketDecoder().feed(HexFormat.of().parseHex("010004")))
                .hasMessageContaining("UUID").hasMessageContaining("length 4");
        assertThatThrownBy(() -> new AudioSocketDecoder().feed(HexFormat.of().parseHex("000002")))
                .hasMessageContaining("HANG_UP").hasMessageContaining("length 2");
        assertThatThrownBy(() -> new AudioSocketDecoder().feed(HexFormat.of().parseHex("030002")))
                .hasMessageContaining("DTMF");
        assertThatThrownBy(() -> new AudioSocketDecoder().feed(HexFormat.of().parseHex("100141")))
                .hasMessageContaining("321").hasMessageContaining("16-bit samples");
    }
}
