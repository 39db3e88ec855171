package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * More of the ways call-centre agents phrase each technique (issue 12, second tuning set): feelings and
 * excuses in everyday words, boundaries that start with an offer of help, hand-offs, vague promises,
 * commitments with an adverb or in the present tense; and the look-alikes that must not count.
 */
class AgentWordingCuesTest {
    private final TurnAnalyzer analyzer = new TurnAnalyzer(TestScenarios.doubleCharge());

    private List<Signal> signals(String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Honestly, I'd be gutted if that were me                                  | EMPATHY",
            "That's a rotten start to the month                                        | EMPATHY",
            "I totally get it, it's a pain                                             | EMPATHY",
            "Something like that would make anyone angry                               | EMPATHY",
            "My apologies for the double charge                                        | SPECIFIC_APOLOGY",
            "Apologies for any trouble                                                 | BARE_APOLOGY",
            "These things happen with card payments                                    | EXCUSE",
            "That's out of my hands, I'm afraid                                        | EXCUSE",
            "Billing is a different department                                         | EXCUSE",
            "There's not much we can do about the bank                                 | EXCUSE",
            "I don't know what else to tell you                                        | ARGUING",
            "There's no need to get worked up                                          | CALM_DOWN",
            "Someone from billing will be in touch                                     | VAGUE_PROMISE",
            "I'll raise it with the payments team                                      | VAGUE_PROMISE",
            "Is there anything more I can do for you                                   | ANYTHING_ELSE",
            "Thanks for bearing with me                                                | CLOSING_THANKS",
            "Have a lovely weekend                                                     | CLOSING",
            "I'll text you once it has gone through                                    | NEXT_STEP",
            "It will be with you by Thursday                                           | NEXT_STEP",
            "I'm happy to help, but not if you keep swearing at me                     | BOUNDARY",
            "I will not be spoken to like that                                         | BOUNDARY",
            "I'm going to bring my supervisor in                                       | ESCALATION",
            "You'd have to ring your bank for that                                     | DEFLECTION",
            "I'll just refund the duplicate now                                        | OWNERSHIP",
            "I'm crediting your account as we speak                                    | OWNERSHIP",
            "can refund the duplicate today                                            | OWNERSHIP",
    })
    void hears(String words, Signal expected) {
        assertThat(signals(words)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // "anything" is never "nothing", however close the spelling
            "Is there anything more I can do for you                                   | EXCUSE",
            "Is there anything more I can do for you                                   | DEFLECTION",
            // "you need to" alone is no hand-off to "you would need to"
            "I need you to stop shouting, I'm trying to help you                      | DEFLECTION",
            "you have to understand this takes time                                    | DEFLECTION",
            // a boundary that mentions shouting is not arguing
            "I want to help, but I need you to stop shouting at me                    | ARGUING",
            // "sorry if that's upset you" acknowledges no feeling
            "I'm sorry if that's upset you                                             | EMPATHY",
            // refusing is no commitment; checking you understood is none either
            "I won't be spoken to like that                                            | OWNERSHIP",
            "Let me make sure I follow, two payments on the third                      | OWNERSHIP",
            // an excuse with "we can do" takes nothing on
            "There's not much we can do, it's the bank                                 | OWNERSHIP",
            // a question word in the middle of a statement asks nothing
            "I've been through the account and I can see what's gone wrong            | QUESTION",
            "I can sort it so it's with you this week                                 | QUESTION",
            "What time would be best to reach you                                      | NEXT_STEP",
    })
    void doesNotHear(String words, Signal absent) {
        assertThat(signals(words)).doesNotContain(absent);
    }
}
