package callsim.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the recogniser can pronounce, and how: the entries of Sphinx4's CMU dictionary (the first
 * pronunciation of each word).
 */
public final class PronunciationDictionary {
    /** Classpath resource of the dictionary shipped in sphinx4-data. */
    public static final String RESOURCE = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

    /** Word → its first pronunciation, phones separated by spaces ("charged" → "CH AA1 R JH D"). */
    private final Map<String, String> words;

    private PronunciationDictionary(Map<String, String> words) {
        this.words = Map.copyOf(words);
    }

    /** The sphinx4-data dictionary, read once per JVM (~134,000 words). */
    public static PronunciationDictionary bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads a CMU-format dictionary ("word PH ON ES", alternates as "word(2) ..."). */
    public static PronunciationDictionary read(InputStream in) throws IOException {
        Map<String, String> words = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int space = line.indexOf(' ');
            if (space <= 0) continue;
            int end = space;
            int alternate = line.indexOf('(');
            if (alternate > 0 && alternate < end) end = alternate;
            words.putIfAbsent(line.substring(0, end), line.substring(space + 1).strip());
        }
        return new PronunciationDictionary(words);
    }

    public boolean contains(String word) {
        return words.containsKey(word);
    }

    /** The word's phones with their stress digits ("charged" → [CH, AA1, R, JH, D]); empty if not in the dictionary. */
    public List<String> phones(String word) {
        String phones = words.get(word);
        return phones == null ? List.of() : List.of(phones.split(" "));
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
