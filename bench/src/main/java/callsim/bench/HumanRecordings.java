package callsim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real human speech with reference transcripts, from Debian's {@code pocketsphinx-testdata}: 16 kHz 16-bit
 * mono WAV files listed in a Sphinx transcription file, one {@code <s> words </s> (utterance-id)} line each.
 * Only sets whose transcripts ship in the package are used (goforward.raw, numbers.raw, … have none).
 */
final class HumanRecordings {
    static final Path TEST_DATA = Path.of("/usr/share/pocketsphinx/test/data");

    /** A set of recordings: label for the table, directory, transcription file name. */
    record RecordingSet(String label, String directory, String transcription) {}

    static final List<RecordingSet> SETS = List.of(
        // one reader of the LibriVox "Sense and Sensibility" audiobook (64 kb/s MP3 originally), long sentences
        new RecordingSet("human: LibriVox read book", "librivox", "transcription"),
        // short spoken card names ("four queen of clubs"), the package's grammar-decoding test set
        new RecordingSet("human: playing cards", "cards", "cards.transcription"));

    /** One recording and what is said in it (lower case, without Sphinx's markers). */
    record Utterance(Path audio, String reference) {}

    // "<s> ten of clubs  </s> (001)": markers may be missing; the id in brackets names the WAV file
    private static final Pattern LINE = Pattern.compile("^\\s*(?:<s>)?(.*?)(?:</s>)?\\s*\\(([^()\\s]+)\\)\\s*$");

    private HumanRecordings() {
    }

    /** The first {@code count} utterances of {@code set}; fails naming the Debian package if it is missing. */
    static List<Utterance> load(RecordingSet set, int count) throws IOException {
        Path dir = TEST_DATA.resolve(set.directory());
        Path transcription = dir.resolve(set.transcription());
        if (!Files.isRegularFile(transcription)) {
            throw new IllegalStateException("the human recordings of `bench/run recognition` are missing (" + transcription
                + "); install the Debian package: apt-get install pocketsphinx-testdata");
        }
        List<Utterance> utterances = new ArrayList<>();
        for (String line : Files.readAllLines(transcription, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            Utterance u = parse(dir, line);
            if (!Files.isRegularFile(u.audio())) {
                throw new IllegalStateException("no recording " + u.audio() + " for transcript line '" + line
                    + "'; reinstall the Debian package: apt-get install --reinstall pocketsphinx-testdata");
            }
            utterances.add(u);
            if (utterances.size() == count) break;
        }
        if (utterances.isEmpty()) throw new IllegalStateException("no transcript lines in " + transcription);
        return utterances;
    }

    static Utterance parse(Path dir, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) throw new IllegalStateException("not a Sphinx transcript line: '" + line + "'");
        String words = m.group(1).replace("<s>", " ").replace("</s>", " ").replace("<sil>", " ").trim()
            .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return new Utterance(dir.resolve(m.group(2) + ".wav"), words);
    }
}
