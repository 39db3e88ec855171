package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc4733EventTest {

    @Test
    void parsesEventEndBitVolumeAndDuration() {
        Rfc4733Event event = Rfc4733Event.parse(new byte[] {11, (byte) 0x8A, 0x03, 0x20});

        assertThat(event.eventCode()).isEqualTo(11);
        assertThat(event.digit()).isEqualTo('#');
        assertThat(event.end()).isTrue();
        assertThat(event.volume()).isEqualTo(10);
        assertThat(event.duration()).isEqualTo(800);
    }

    @Test
    void mapsAllSixteenCodesToKeys() {
        StringBuilder keys = new StringBuilder();
        for (int code = 0; code < 16; code++) {
            keys.append(Rfc4733Event.parse(new byte[] {(byte) code, 0, 0, 0}).digit());
        }
        assertThat(keys).hasToString("0123456789*#ABCD");
        assertThat(Rfc4733Event.parse(new byte[] {32, 0, 0, 0}).isDtmf()).isFalse();
    }

    @Test
    void buildsWhatItParses() {
        Rfc4733Event event = Rfc4733Event.forDigit('7', false, 10, 160);
        assertThat(Rfc4733Event.parse(event.toBytes())).isEqualTo(event);
    }

    @Test
    void rejectsShortPayloadAndUnknownDigits() {
        assertThatThrownBy(() -> Rfc4733Event.parse(new byte[3]))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> Rfc4733Event.forDigit('x', false, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void detectorReportsEachPressOnceDespiteUpdatesEndRepeatsAndRetransmits() {
        DtmfDetector detector = new DtmfDetector();
        List<Character> reported = new ArrayList<>();
        long[] timestamps = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 2600, 2600, 2600, 2600, 4000};
        char[] digits = {'5', '5', '5', '5', '5', '5', '5', '5', '5', '5', '5', '#'};
        boolean[] ends = {false, false, true, true, true, false, true, false, true, true, true, true};
        for (int i = 0; i < timestamps.length; i++) {
            Rfc4733Event event = Rfc4733Event.forDigit(digits[i], ends[i], 10, 160 * (i + 1));
            detector.accept(timestamps[i], event).ifPresent(reported::add);
        }

        assertThat(reported).containsExactly('5', '5', '#');
    }
}
