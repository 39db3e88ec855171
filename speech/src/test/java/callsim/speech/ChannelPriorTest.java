package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The phone line's prior: read as written, refused when damaged, and a new agent's first turns heard better through it. */
class ChannelPriorTest {
    private static SpeakerAdaptation.MeanTransform sample() {
        float[][][] a = {{{1.5f, -0.25f}, {1e-7f, 0.875f}}};
        float[][] b = {{-3.125f, 42f}};
        return new SpeakerAdaptation.MeanTransform(a, b);
    }

    @Test
    void aPriorReadsBackExactlyAsTheToolWroteIt() {
        String text = ChannelPrior.format(sample(), List.of("made by a test"));

        SpeakerAdaptation.MeanTransform read = ChannelPrior.parse(text);

        assertThat(text).startsWith("# made by a test\n");
        assertThat(read.a()).isDeepEqualTo(sample().a());
        assertThat(read.b()).isDeepEqualTo(sample().b());
    }

    @Test
    void aDamagedPriorIsRefusedSayingWhereNotReadAsNumbersItIsNot() {
        String text = ChannelPrior.format(sample(), List.of());

        assertThatThrownBy(() -> ChannelPrior.parse(text.replace("42.0", "4x2")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 4").hasMessageContaining("'4x2'");
        assertThatThrownBy(() -> ChannelPrior.parse(text.replace("-3.125", "")))
            .hasMessageContaining("line 3 has 2 numbers, expected 3");
        assertThatThrownBy(() -> ChannelPrior.parse(text.substring(0, text.lastIndexOf("1.0E-7"))))
            .hasMessageContaining("1 rows of numbers, expected 2");
        assertThatThrownBy(() -> ChannelPrior.parse("")).hasMessageContaining("expected a first line 'channel-prior");
    }

    /**
     * Every LibriVox utterance through a phone line (8 kHz, µ-law) heard as a new agent's first turn, nothing of the
     * voice learnt yet, by the live set-up with and without the prior: read speech by a voice the prior never heard.
     */
    @Test
    void aNewAgentsFirstTurnsAreHeardBetterThroughThePhoneLinesPrior() throws Exception {
        List<LibriVox.Utterance> utterances = LibriVox.utterances();
        assertThat(RecognizerSetup.LIVE.channelPrior()).as("live calls start from the prior").isTrue();

        int withPrior = firstTurnErrors(RecognizerSetup.LIVE, utterances);
        int asLoaded = firstTurnErrors(RecognizerSetup.LIVE.with("channelPrior", "false"), utterances);

        assertThat(withPrior).as("words wrong with the prior, against %d through the model as loaded", asLoaded)
            .isLessThan(asLoaded);
    }

    private static int firstTurnErrors(RecognizerSetup setup, List<LibriVox.Utterance> utterances) {
        int errors = 0;
        try (RecognizerPool pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1).withSetup(setup))) {
            for (LibriVox.Utterance u : utterances) {
                SyntheticPhoneSpeech.Pcm line = SyntheticPhoneSpeech.phoneLine(
                    new SyntheticPhoneSpeech.Pcm(u.audio().samples(), u.audio().sampleRate()));
                String heard = pool.transcribe(line.samples(), line.sampleRate(), new SpeakerProfile());
                errors += WordErrorRate.errors(u.words(), SpokenText.words(heard));
                System.out.printf("[prior %s] said: %s | heard: %s%n", setup.name(), String.join(" ", u.words()), heard);
            }
        }
        System.out.printf("[prior %s] %d words wrong%n", setup.name(), errors);
        return errors;
    }
}
