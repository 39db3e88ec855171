package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wordings an agent uses that no stock cue spells out (issue 12): a feeling named in a frame, a
 * restatement with the amount in it, and the negations that turn blame into sympathy.
 */
class ParaphraseCuesTest {
    private final TurnAnalyzer analyzer = new TurnAnalyzer(TestScenarios.doubleCharge());

    private List<Signal> signals(String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "That must be really worrying                                            | EMPATHY",
            "I'd be upset too                                                         | EMPATHY",
            "what a stressful week you've had                                        | EMPATHY",
            "you must be so fed up with us                                            | EMPATHY",
            "So you were charged sixty-four ninety-nine twice                         | RESTATEMENT",
            "you were charged 64.99 twice                                             | RESTATEMENT",
            "you should have checked your statement                                   | ARGUING",
            "I'm not the one who made the mistake                                     | ARGUING",
            "is there something else I can help with                                  | CLOSING",
            "are you still happy with the plan otherwise                              | QUESTION",
    })
    void hears(String words, Signal expected) {
        assertThat(signals(words)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the feeling word is not the agent's acknowledgement of it
            "I'm sorry if you are upset                                               | EMPATHY",
            "that is not what I meant                                                 | EMPATHY",
            // a negation between a cue's words changes its meaning
            "you shouldn't have had to wait in all day                                | ARGUING",
            "you should never have been charged twice                                 | ARGUING",
            "I do not understand how that happened                                    | EMPATHY",
            // "so you're saying" with the grievance in it, amount and all, is no wrong restatement
            "so you're saying you were charged sixty four ninety nine twice           | WRONG_RESTATEMENT",
            "you have to understand that refunds take time                            | DEFLECTION",
            "someone will call you back about it                                      | NEXT_STEP",
    })
    void doesNotHear(String words, Signal absent) {
        assertThat(signals(words)).doesNotContain(absent);
    }
}
