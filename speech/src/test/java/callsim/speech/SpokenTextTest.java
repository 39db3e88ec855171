package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenTextTest {
    @Test
    void lowerCasesStripsPunctuationAndKeepsDictionaryApostrophes() {
        assertThat(SpokenText.normalize("I'm SORRY, I don't know! \"Really?\" 'Cause…"))
            .isEqualTo("i'm sorry i don't know really 'cause");
        assertThat(SpokenText.normalize("It’s fine")).isEqualTo("it's fine");
    }

    @Test
    void spellsSimpleNumbersAmountsTimesAndOrdinals() {
        assertThat(SpokenText.normalize("Refund of $49.99 on the 3rd, 2 days late, at 10:30"))
            .isEqualTo("refund of forty nine dollars ninety nine cents on the third two days late at ten thirty");
        assertThat(SpokenText.normalize("Account 00451, 100% sure, 2024")).isEqualTo(
            "account zero zero four five one one hundred percent sure two thousand twenty four");
        assertThat(SpokenText.normalize("the 21st at 9:00")).isEqualTo("the twenty first at nine o'clock");
    }

    @Test
    void writesBackchannelsAsTheDictionarySpellsThem() {
        assertThat(SpokenText.words("Mm-hm. OK.")).containsExactly("mhm", "okay");
        assertThat(SpokenText.words("   ")).isEmpty();
    }

    @Test
    void everyWordOfTheAgentCorpusIsPronounceable() {
        PronunciationDictionary dictionary = PronunciationDictionary.bundled();
        assertThat(DomainLanguageModel.agentPhrases()).hasSizeGreaterThan(300);
        assertThat(DomainLanguageModel.agentPhrases().stream().flatMap(s -> SpokenText.words(s).stream())
            .filter(w -> !dictionary.contains(w)).distinct().toList()).isEmpty();
    }
}
