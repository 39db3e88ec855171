package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillScriptTest {
    @Test
    void readsTurnsCommandsAndComments() {
        List<DrillScript.Line> lines = DrillScript.parse("s.txt", List.of(
                "# a model agent",
                "",
                "I'm so sorry you were charged twice.   # empathy first",
                "/wait 8",
                "/HOLD 40",
                "/hold 2.5",
                "/interrupt okay but",
                "/then 0.8 and I can also cover the fee",
                "/hangup"));

        assertThat(lines).extracting(DrillScript.Line::number).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(lines).extracting(DrillScript.Line::move).containsExactly(
                new AgentMove.Say("I'm so sorry you were charged twice."),
                new AgentMove.Wait(8_000),
                new AgentMove.Hold(40_000),
                new AgentMove.Hold(2_500),
                new AgentMove.Interrupt("okay but"),
                new AgentMove.GoOn(800, "and I can also cover the fee"),
                new AgentMove.HangUp());
    }

    @Test
    void anUnknownCommandIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> DrillScript.parse("angry.txt", List.of("hello", "# note", "/hlod 40")))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessage("angry.txt:3: unknown command '/hlod' (expected one of /wait SECONDS, /hold SECONDS, /interrupt TEXT, /then SECONDS TEXT, /hangup)")
                .satisfies(e -> assertThat(((ScriptFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        assertThat(problem("/hold")).isEqualTo("s.txt:1: /hold needs a number of seconds, e.g. /hold 8");
        assertThat(problem("/wait soon")).isEqualTo("s.txt:1: /wait needs a number of seconds, e.g. /wait 8, not 'soon'");
        assertThat(problem("/wait -3")).contains("/wait seconds must be more than 0 and at most 900, not -3");
        assertThat(problem("/hold 3600")).contains("at most 900");
        assertThat(problem("/interrupt")).contains("/interrupt needs the words the agent says");
        assertThat(problem("/hangup now")).contains("/hangup takes nothing after it, found 'now'");
    }

    private static String problem(String line) {
        try {
            DrillScript.parse("s.txt", List.of(line));
        } catch (ScriptFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("'" + line + "' was accepted");
    }
}
