package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void buildThenParseKeepsEveryField() {
        RtpPacket packet = new RtpPacket(true, 8, 65535, 0xFFFF_FFF0L, 0xDEADBEEFL, new byte[] {1, 2, 3});
        byte[] wire = packet.toBytes();

        assertThat(wire).hasSize(15);
        assertThat(wire[0]).isEqualTo((byte) 0x80);
        assertThat(wire[1]).isEqualTo((byte) (0x80 | 8));
        RtpPacket parsed = RtpPacket.parse(wire, wire.length);
        assertThat(parsed.marker()).isTrue();
        assertThat(parsed.payloadType()).isEqualTo(8);
        assertThat(parsed.sequenceNumber()).isEqualTo(65535);
        assertThat(parsed.timestamp()).isEqualTo(0xFFFF_FFF0L);
        assertThat(parsed.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(parsed.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void parseSkipsCsrcListAndHeaderExtensionAndStripsPadding() {
        byte[] wire = {
            (byte) 0xB2, 0x00, 0x00, 0x07, // V=2, P=1, X=1, CC=2; PT 0; seq 7
            0x00, 0x00, 0x01, 0x40, // ts 320
            0x11, 0x22, 0x33, 0x44, // ssrc
            0, 0, 0, 1, 0, 0, 0, 2, // two CSRCs
            (byte) 0xBE, (byte) 0xDE, 0x00, 0x01, 9, 9, 9, 9, // extension with one word
            (byte) 0xAA, (byte) 0xBB, // payload
            0, 0, 3 // three bytes of padding
        };

        RtpPacket parsed = RtpPacket.parse(wire, wire.length);

        assertThat(parsed.sequenceNumber()).isEqualTo(7);
        assertThat(parsed.timestamp()).isEqualTo(320);
        assertThat(parsed.payload()).containsExactly(0xAA, 0xBB);
    }

    @Test
    void parseHonoursTheDatagramLengthNotTheBufferSize() {
        byte[] buffer = new byte[1500];
        byte[] wire = new RtpPacket(false, 0, 1, 160, 5, new byte[] {7, 7}).toBytes();
        System.arraycopy(wire, 0, buffer, 0, wire.length);

        assertThat(RtpPacket.parse(buffer, wire.length).payload()).containsExactly(7, 7);
    }

    @Test
    void rejectsShortOrInvalidInputWithAClearMessage() {
        assertThatThrownBy(() -> RtpPacket.parse(new byte[5], 5))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("too short");
        byte[] versionOne = new byte[12];
        versionOne[0] = 0x40;
        assertThatThrownBy(() -> RtpPacket.parse(versionOne, 12))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("version");
        byte[] missingCsrc = new byte[12];
        missingCsrc[0] = (byte) 0x83;
        assertThatThrownBy(() -> RtpPacket.parse(missingCsrc, 12))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("CSRC");
        byte[] badPadding = new byte[14];
        badPadding[0] = (byte) 0xA0;
        badPadding[13] = 40;
        assertThatThrownBy(() -> RtpPacket.parse(badPadding, 14))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("padding");
        byte[] hugeExtension = new byte[16];
        hugeExtension[0] = (byte) 0x90;
        hugeExtension[14] = 0x10;
        assertThatThrownBy(() -> RtpPacket.parse(hugeExtension, 16))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("extension");
    }
}
