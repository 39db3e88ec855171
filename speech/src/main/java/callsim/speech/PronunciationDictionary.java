package callsim.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The set of words the recogniser can pronounce: the entries of Sphinx4's CMU dictionary. */
public final class PronunciationDictionary {
    /** Classpath resource of the dictionary shipped in sphinx4-data. */
    public static final String RESOURCE = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

    private final Set<String> words;

    private PronunciationDictionary(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The sphinx4-data dictionary, read once per JVM (~134,000 words). */
    public static PronunciationDictionary bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads a CMU-format dictionary ("word PH ON ES", alternates as "word(2) ..."). */
    public static PronunciationDictionary read(InputStream in) throws IOException {
        Set<String> words = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int end = line.indexOf(' ');
            if (end <= 0) continue;
            int alternate = line.indexOf('(');
            if (alternate > 0 && alternate < end) end = alternate;
            words.add(line.substring(0, end));
        }
        return new PronunciationDictionary(words);
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    public int size() {
        return words.size();
    }

    private static final class Bundled {
        static final PronunciationDictionary INSTANCE = load();

        private static PronunciationDictionary load() {
            try (InputStream in = PronunciationDictionary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("sphinx4-data is not on the classpath: " + RESOURCE);
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
