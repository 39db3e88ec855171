package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void ulawMatchesReferenceValues() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(G711.linearToUlaw((short) -5)).isEqualTo((byte) 0x7E);
        assertThat(G711.linearToUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToUlaw((short) 1000)).isEqualTo((byte) 0xCE);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0xCE)).isEqualTo((short) 988);
    }

    @Test
    void alawMatchesReferenceValues() {
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToAlaw((short) -1)).isEqualTo((byte) 0x55);
        assertThat(G711.linearToAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyAlawCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) code)) & 0xFF).as("A-law code %02x", code).isEqualTo(code);
        }
    }

    @Test
    void everyUlawCodeSurvivesDecodeThenEncodeExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            int expected = code == 0x7F ? 0xFF : code; // 0x7F is "-0" and decodes to 0
            assertThat(G711.linearToUlaw(G711.ulawToLinear((byte) code)) & 0xFF).as("µ-law code %02x", code).isEqualTo(expected);
        }
    }

    @Test
    void roundTripErrorStaysWithinTheQuantisationStep() {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample += 7) {
            short s = (short) sample;
            int ulawError = Math.abs(G711.ulawToLinear(G711.linearToUlaw(s)) - sample);
            int alawError = Math.abs(G711.alawToLinear(G711.linearToAlaw(s)) - sample);
            // steps grow with magnitude: about 1/16 of the value in the top segments, clipped near full scale
            int allowed = Math.max(16, Math.abs(sample) / 16) + (Math.abs(sample) > 32000 ? 800 : 0);
            assertThat(ulawError).as("µ-law error at %d", sample).isLessThanOrEqualTo(allowed);
            assertThat(alawError).as("A-law error at %d", sample).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void arrayFunctionsAgreeWithPerSampleFunctions() {
        short[] samples = {0, 1, -1, 100, -100, 5000, -5000, Short.MAX_VALUE, Short.MIN_VALUE};
        byte[] ulaw = G711.encodeUlaw(samples);
        byte[] alaw = G711.encodeAlaw(samples);
        short[] ulawDecoded = G711.decodeUlaw(ulaw);
        short[] alawDecoded = G711.decodeAlaw(alaw);
        for (int i = 0; i < samples.length; i++) {
            assertThat(ulaw[i]).isEqualTo(G711.linearToUlaw(samples[i]));
            assertThat(alaw[i]).isEqualTo(G711.linearToAlaw(samples[i]));
            assertThat(ulawDecoded[i]).isEqualTo(G711.ulawToLinear(ulaw[i]));
            assertThat(alawDecoded[i]).isEqualTo(G711.alawToLinear(alaw[i]));
        }
        assertThat(G711.decodeUlaw(ulaw, 2, 3)).containsExactly(ulawDecoded[2], ulawDecoded[3], ulawDecoded[4]);
    }
}
