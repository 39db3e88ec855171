package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TurnAnalyzerTest {
    private final TurnAnalyzer analyzer = new TurnAnalyzer(TestScenarios.doubleCharge());

    private List<Signal> signals(String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I understand how frustrating this must be                 | EMPATHY",
            "eye complete lee understand how frustrated this is        | EMPATHY",
            "that must be really annoying for you                       | EMPATHY",
            "I can see why you're upset                                 | EMPATHY",
            "I'd be upset too                                           | EMPATHY",
            "I'm so sorry we charged you twice                          | SPECIFIC_APOLOGY",
            "I do apologise for the duplicate charges                   | SPECIFIC_APOLOGY",
            "sorry for the inconvenience                                | BARE_APOLOGY",
            "my apologies                                               | BARE_APOLOGY",
            "it's a computer error these things happen sometimes       | EXCUSE",
            "could you tell me your account number                      | FACT_QUESTION",
            "what's the accounts number                                 | FACT_QUESTION",
            "when did you notice the charges                            | FACT_QUESTION",
            "could you confirm your address                             | QUESTION",
            "can I put you on hold for a moment                         | HOLD_REQUEST",
            "bear with me while I look at this                          | HOLD_REQUEST",
            "I will refund the duplicate payment today                  | REMEDY",
            "I'll reverse the charge right now                          | REMEDY",
            "we will look into it                                       | VAGUE_PROMISE",
            "sir please calm down                                       | CALM_DOWN",
            "you need to relax                                          | CALM_DOWN",
            "that's not my fault                                        | ARGUING",
            "you should have checked your statement                     | ARGUING",
            "is there anything else I can help with                     | CLOSING",
            "mm hm                                                      | BACKCHANNEL",
            "you were billed twice                                      | RESTATEMENT"})
    void hearsEachTechniqueInSeveralWordings(String words, Signal expected) {
        assertThat(signals(words)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I'm listening to you                      | ARGUING",
            "let me look at your account               | EMPATHY",
            "I understand                              | CALM_DOWN",
            "the charge went through on the third      | REMEDY",
            "sorry could you repeat that               | SPECIFIC_APOLOGY",
            "I will check the account credit           | BACKCHANNEL"})
    void doesNotHearWhatWasNotSaid(String words, Signal unexpected) {
        assertThat(signals(words)).doesNotContain(unexpected);
    }

    @Test
    void remediesAreNamedAndOnlyTheRightOneMeetsTheNeed() {
        TurnReading reading = analyzer.read("I can refund the duplicate charge and add a credit to your account");

        assertThat(reading.all(Signal.REMEDY)).extracting(Detection::subjectId)
                .containsExactly("refund-duplicate", "account-credit");
    }

    @Test
    void nothingRecognisedMeansNothingHeard() {
        assertThat(analyzer.read("  ").detections()).isEmpty();
    }

    @Test
    void scenarioAgentPhrasesIncludeItsSentencesRemediesAndTheCues() {
        List<String> phrases = TestScenarios.doubleCharge().agentPhrases();

        assertThat(phrases).contains("I can refund the duplicate charge today", "refund the duplicate", "calm down",
                "i understand how frustrating", "transfer you to my supervisor", "keep this respectful", "refund the whole year");
        assertThat(phrases).as("the caller's name, so the recogniser can hear it").contains("thank you Dana", "thank you mister Whitfield");
        assertThat(phrases).noneMatch(p -> p.contains("*"));
    }
}
