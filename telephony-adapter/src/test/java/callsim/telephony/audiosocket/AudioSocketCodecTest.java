package callsim.telephony.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hangUpIsThreeZeroBytes() {
        assertThat(AudioSocketCodec.encode(AudioSocketFrame.hangUp())).containsExactly(0, 0, 0);
    }

    @Test
    void uuidFrameCarriesTheSixteenRawBytesMostSignificantFirst() {
        UUID id = UUID.fromString("0123e4e6-89ab-cdef-0123-456789abcdef");
        byte[] wire = AudioSocketCodec.encode(AudioSocketFrame.uuid(id));
        assertThat(HEX.formatHex(wire)).isEqualTo("010010" + "0123e4e689abcdef0123456789abcdef");
        assertThat(AudioSocketCodec.uuidFromBytes(HEX.parseHex("0123e4e689abcdef0123456789abcdef"))).isEqualTo(id);
    }

    @Test
    void dtmfIsOneAsciiByte() {
        assertThat(HEX.formatHex(AudioSocketCodec.encode(AudioSocketFrame.dtmf('#')))).isEqualTo("030001" + "23");
        assertThat(new AudioSocketFrame(AudioSocketFrame.Kind.DTMF, new byte[] {'7'}).digit()).isEqualTo('7');
    }

    @Test
    void audioIsLittleEndianSignedSamplesWithBigEndianLength() {
        short[] samples = new short[160];
        samples[0] = 0x1234;
        samples[1] = -2;
        byte[] wire = AudioSocketCodec.encode(AudioSocketFrame.audio(samples));
        assertThat(wire).hasSize(3 + 320);
        assertThat(HEX.formatHex(wire, 0, 7)).isEqualTo("100140" + "3412" + "feff");
        assertThat(AudioSocketCodec.samplesFromLittleEndian(AudioSocketCodec.samplesToLittleEndian(samples))).isEqualTo(samples);
    }

    @Test
    void errorCarriesItsCode() {
        assertThat(HEX.formatHex(AudioSocketCodec.encode(AudioSocketFrame.error(2)))).isEqualTo("ff0001" + "02");
        assertThat(new AudioSocketFrame(AudioSocketFrame.Kind.ERROR, new byte[0]).errorCode()).isEqualTo(-1);
    }

    @Test
    void framesThatWouldBreakThePeerAreRefused() {
        assertThatThrownBy(() -> AudioSocketFrame.audio(new short[0])).hasMessageContaining("at least one sample");
        assertThatThrownBy(() -> AudioSocketFrame.audio(new short[4097])).hasMessageContaining("8194").hasMessageContaining("8192");
        assertThatThrownBy(() -> AudioSocketFrame.dtmf('\u00e9')).hasMessageContaining("ASCII");
        assertThatThrownBy(() -> AudioSocketCodec.uuidFromBytes(new byte[15])).hasMessageContaining("16 bytes, got 15");
    }

    @Test
    void typedAccessorsRefuseTheWrongKind() {
        assertThatThrownBy(() -> AudioSocketFrame.hangUp().samples()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HANG_UP");
    }
}
