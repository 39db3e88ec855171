package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkedLineTest {
    private final RecordingListener drill = new RecordingListener();
    private final LinkedLine line = new LinkedLine("call-1", drill);

    @Test
    void overlappingHoldAndMusicOnHoldAreOneHold() {
        line.pbxHold(true);
        assertThat(drill.events()).containsExactly("hold");
        line.musicOnHold(true);
        line.pbxHold(false);  // music still playing: still on hold
        assertThat(drill.events()).containsExactly("hold");

        line.musicOnHold(false);

        assertThat(drill.events()).containsExactly("hold", "resume");
    }

    @Test
    void lineHoldAndPbxHoldAreOneHoldUntilBothEnd() {
        line.onHold();
        line.pbxHold(true);
        line.onResume();
        assertThat(drill.events()).containsExactly("hold");

        line.pbxHold(false);
        line.musicOnHold(true);

        assertThat(drill.events()).containsExactly("hold", "resume", "hold");
    }

    @Test
    void aRepeatedUnholdIsNotASecondResume() {
        line.musicOnHold(true);
        line.musicOnHold(false);
        line.musicOnHold(false);
        line.pbxHold(false);

        assertThat(drill.events()).containsExactly("hold", "resume");
    }

    @Test
    void aKeyReportedByBothTheLineAndThePbxCountsOnce() {
        line.onDtmf('5');
        line.pbxDtmf('5');
        line.onDtmf('#');
        line.pbxDtmf('#');

        assertThat(drill.events()).containsExactly("dtmf 5", "dtmf #");
    }

    @Test
    void whenThePbxReportsKeysFirstTheLineCopiesAreDropped() {
        line.pbxDtmf('1');
        line.onDtmf('1');
        line.pbxDtmf('2');

        assertThat(drill.events()).containsExactly("dtmf 1", "dtmf 2");
    }

    @Test
    void theDrillHearsOfTheHangUpOnceWhoeverReportsIt() {
        line.pbxHangUp("agent hung up (AMI Hangup 16 Normal Clearing)");
        line.onHangUp("AudioSocket closed");
        line.pbxHangUp("again");

        assertThat(drill.events()).containsExactly("hangup agent hung up (AMI Hangup 16 Normal Clearing)");
    }

    @Test
    void nothingReachesTheDrillAfterTheHangUp() {
        line.onAudio(new short[160]);
        line.onHangUp("AudioSocket closed");

        line.onAudio(new short[160]);
        line.onHold();
        line.pbxHold(true);
        line.musicOnHold(true);
        line.onDtmf('3');
        line.pbxDtmf('4');

        assertThat(drill.events()).containsExactly("audio 160", "hangup AudioSocket closed");
    }

    @Test
    void audioPassesStraightThrough() {
        line.onAudio(new short[160]);
        line.pbxHold(true);
        line.onAudio(new short[160]);

        assertThat(drill.events()).containsExactly("audio 160", "hold", "audio 160");
    }
}
