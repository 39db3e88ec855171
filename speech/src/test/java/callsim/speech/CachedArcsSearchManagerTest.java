package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live search's cached successors save decoding work, not words: it hears what Sphinx4's own search hears. */
class CachedArcsSearchManagerTest {
    @Test
    void theCachedSearchHearsHumanSpeechWordForWordAsSphinx4sOwnSearch() throws Exception {
        List<WavFile.Audio> recordings = LibriVox.utterances().stream().map(LibriVox.Utterance::audio).toList();
        RecognizerSetup plain = RecognizerSetup.LIVE.with("cachedStates", "0");
        assertThat(plain.configXml(null)).contains("value=\"wordPruningSearchManager\"");

        List<String> cached = hear(RecognizerSetup.LIVE, recordings);
        List<String> sphinx4 = hear(plain, recordings);

        assertThat(cached).isEqualTo(sphinx4);
        assertThat(String.join(" ", cached)).as("something was heard").isNotBlank();
    }

    private static List<String> hear(RecognizerSetup setup, List<WavFile.Audio> recordings) {
        List<String> heard = new ArrayList<>();
        try (RecognizerPool pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1).withSetup(setup))) {
            for (WavFile.Audio audio : recordings) heard.add(pool.transcribe(audio.samples(), audio.sampleRate()));
        }
        return heard;
    }
}
