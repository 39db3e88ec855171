package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }

    @Test
    void countsSubstitutionsInsertionsAndDeletions() {
        assertThat(WordErrorRate.errors(words("i am sorry you were charged twice"), words("i am sorry you were charged twice"))).isZero();
        assertThat(WordErrorRate.errors(words("i am sorry"), words("i am far"))).isEqualTo(1);
        assertThat(WordErrorRate.errors(words("i am sorry"), words("i am so sorry"))).isEqualTo(1);
        assertThat(WordErrorRate.errors(words("i am sorry"), words("am sorry"))).isEqualTo(1);
        assertThat(WordErrorRate.errors(words("i am sorry"), words(""))).isEqualTo(3);
        assertThat(WordErrorRate.errors(words(""), words("hello there"))).isEqualTo(2);
    }
}
