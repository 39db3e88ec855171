package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cues that must survive the phone line (issue 6): boundary wordings, a dropped first word, and the
 * loose matches that used to fire on ordinary sentences. The mangled lines are the kind of thing the
 * recogniser returns for espeak-ng speech through G.711 (bench/run detection).
 */
class PhoneLineCuesTest {
    private final TurnAnalyzer analyzer = new TurnAnalyzer(TestScenarios.doubleCharge());

    private List<Signal> signals(String words) {
        return analyzer.read(words).detections().stream().map(Detection::signal).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "if you keep swearing at me I'll have to end the call                 | BOUNDARY",
            "want help but will not continue if you keep sway ring at me          | BOUNDARY",
            "I'm not going to be sworn at                                         | BOUNDARY",
            "please stop the insults so I can help you                            | BOUNDARY",
            "if the abuse continues I'll have to hang up                          | BOUNDARY",
            "there's no need for that language                                    | BOUNDARY",
            "you will monday calling or i will have to end the call               | BOUNDARY",
            "can refund the duplicate charge today                                | REMEDY",
            "can refund the duplicate charge today                                | OWNERSHIP",
            "I can put a credit on your account                                   | OWNERSHIP",
            "we can credit your account for the trouble                           | OWNERSHIP",
            "you need to fill in a form on our website                            | DEFLECTION",
            "you'll need to ring the billing team yourself                        | DEFLECTION",
            "the understand how annoying you get the be overdrawn                 | EMPATHY",
            "anyone would be upset about that                                     | EMPATHY",
            "I'm going to fix this for you                                        | OWNERSHIP",
            "I'll sort it out today                                               | OWNERSHIP",
            "can you hold the line please                                         | HOLD_REQUEST",
            "would you mind holding moment while i will down                      | HOLD_REQUEST"})
    void hearsTheCue(String words, Signal expected) {
        assertThat(signals(words)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "could you read me the account number                                 | ARGUING",
            "can you hold the card up and read me the long number                 | HOLD_REQUEST",
            "can you hold the card up and read me the long number                 | ARGUING",
            "let me explain for a second                                          | HOLD_REQUEST",
            "we're sorry for any trouble this may have caused                     | QUESTION",
            "you should have the email already                                    | QUESTION",
            "that is the right number                                             | QUESTION",
            "you'll need confirming the refund within the hour                    | QUESTION",
            "that's not my fault                                                  | EXCUSE",
            "I will have to check with billing first                              | DEFLECTION",
            "I need to contact the courier for you                                | DEFLECTION",
            "let me call your bank for you                                        | RESTATEMENT",
            "you need to fill in a form to get your money back                    | REMEDY",
            "I will pass it on to the team                                        | OWNERSHIP",
            "let me get my supervisor for you                                     | OWNERSHIP",
            "is there anything else I can help with                               | OWNERSHIP",
            "can I put you on hold for a minute while I check                     | OWNERSHIP",
            "can I get your account number please                                 | OWNERSHIP",
            "sorry you feel that way and I'll be                                  | OWNERSHIP",
            "before we end the call is there anything else                        | BOUNDARY",
            "I understand                                                         | EMPATHY",
            "how much was the fee                                                 | EMPATHY",
            "the language on the letter was confusing                             | BOUNDARY",
            "please call me back on this number                                   | BOUNDARY"})
    void doesNotHearWhatWasNotSaid(String words, Signal unexpected) {
        assertThat(signals(words)).doesNotContain(unexpected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "that | what", "bank | back", "call | calm", "will | well"})
    void fourLetterWordsOneLetterApartAreDifferentWords(String a, String b) {
        assertThat(Words.similar(a, b)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "apologise | apologize", "patience | patients", "frustrated | frustrating", "charges | charge",
            "refund | refunds"})
    void longerWordsStillMatchThroughSpellingAndEndings(String a, String b) {
        assertThat(Words.similar(a, b)).isTrue();
    }
}
