package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** Human read speech with transcripts: the LibriVox recordings of Debian's pocketsphinx-testdata. */
final class LibriVox {
    private static final Path DIR = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    private static final Pattern TRANSCRIPT = Pattern.compile("^<s>(.*)</s>\\s*\\((\\S+)\\)\\s*$");

    /** A recording and what is said in it. */
    record Utterance(WavFile.Audio audio, List<String> words) {}

    private LibriVox() {
    }

    /** Every utterance, in the transcript's order; skips the test where the package is not installed. */
    static List<Utterance> utterances() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DIR.resolve("transcription")),
            "needs Debian's pocketsphinx-testdata (human recordings with transcripts); .ci/run installs it");
        List<Utterance> utterances = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("transcription"))) {
            Matcher m = TRANSCRIPT.matcher(line.strip());
            if (!m.matches()) continue;
            utterances.add(new Utterance(WavFile.read(DIR.resolve(m.group(2) + ".wav")), SpokenText.words(m.group(1))));
        }
        assertThat(utterances).as("LibriVox utterances in pocketsphinx-testdata").hasSizeGreaterThanOrEqualTo(5);
        return utterances;
    }
}
