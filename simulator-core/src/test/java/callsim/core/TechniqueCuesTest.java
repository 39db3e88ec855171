package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cues added for T4, T9, T11-T14, heard in several wordings and through misrecognitions. */
class TechniqueCuesTest {
    private final TurnAnalyzer analyzer = new TurnAnalyzer(TestScenarios.doubleCharge());

    private List<Signal> signals(String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "so what you're saying is the app keeps crashing                   | WRONG_RESTATEMENT",
            "if I understand correctly your parcel never arrived               | WRONG_RESTATEMENT",
            "you will see it in three to five business days                    | NEXT_STEP",
            "I'll email you a confirmation today                               | NEXT_STEP",
            "is there anything else I can help you with                        | ANYTHING_ELSE",
            "is they're anything else I could help width                     | ANYTHING_ELSE",
            "thank you for your patience                                       | CLOSING_THANKS",
            "thanks for you patients                                           | CLOSING_THANKS",
            "I can refund the whole year for you                               | FORBIDDEN_PROMISE",
            "you can have it free for a year                                   | FORBIDDEN_PROMISE",
            "I want to help but I need us to keep this respectful              | BOUNDARY",
            "I want to help but we need to keep this respect full             | BOUNDARY",
            "please don't swear at me                                          | BOUNDARY",
            "let me transfer you to my supervisor                              | ESCALATION",
            "I'll put you through to a manager                                 | ESCALATION",
            "let me transfer you two my supervise her                          | ESCALATION",
            "I'm sorry Dana                                                    | NAME_USED",
            "thank you mister whitfield                                        | NAME_USED",
            "could you tell me the date please                                 | POLITENESS",
            "let me sort that out for you                                      | OWNERSHIP",
            "I'll make sure it's done today                                    | OWNERSHIP",
            "you'll have to call your bank about that                          | DEFLECTION",
            "that's not my department                                          | DEFLECTION"})
    void hearsEachNewCue(String words, Signal expected) {
        assertThat(signals(words)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "so you were charged twice                                         | WRONG_RESTATEMENT",
            "is there anything else I can help with                            | DEFLECTION",
            "is there anything else I can help with                            | EXCUSE",
            "you need to calm down                                             | DEFLECTION",
            "I can refund the duplicate charge today and I will also add a credit | NEXT_STEP",
            "I can refund the duplicate charge                                 | FORBIDDEN_PROMISE",
            "my supervisor said it was a system error                          | ESCALATION",
            "thank you for holding                                             | ANYTHING_ELSE",
            "I will look into it                                               | ESCALATION",
            "you won't have to do anything the refund is automatic             | DEFLECTION"})
    void doesNotHearWhatWasNotSaid(String words, Signal unexpected) {
        assertThat(signals(words)).doesNotContain(unexpected);
    }
}
