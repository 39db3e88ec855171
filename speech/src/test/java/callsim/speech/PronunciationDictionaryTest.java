package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dictionary gives the detector each word's phones, as the recogniser pronounces it. */
class PronunciationDictionaryTest {
    @Test
    void givesTheFirstPronunciationOfAWordAndNothingForAnUnknownOne() throws Exception {
        String dict = "either IY DH ER\neither(2) AY DH ER\nfee F IY\n";
        PronunciationDictionary dictionary = PronunciationDictionary.read(new ByteArrayInputStream(dict.getBytes(StandardCharsets.UTF_8)));

        assertThat(dictionary.phones("either")).containsExactly("IY", "DH", "ER");
        assertThat(dictionary.contains("either")).isTrue();
        assertThat(dictionary.phones("overdraft")).isEmpty();
        assertThat(dictionary.size()).isEqualTo(2);
    }

    @Test
    void theBundledDictionaryPronouncesTheWordsOfAGarbledCue() {
        PronunciationDictionary dictionary = PronunciationDictionary.bundled();

        assertThat(dictionary.phones("overdraft")).containsExactly("OW", "V", "ER", "D", "R", "AE", "F", "T");
        assertThat(dictionary.phones("dear")).containsExactly("D", "IH", "R");
    }
}
