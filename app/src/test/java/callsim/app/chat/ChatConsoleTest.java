package callsim.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.Difficulty;
import callsim.core.LineSituation;
import callsim.core.Outcome;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interactive text drill: typed lines in, caller lines out. */
class ChatConsoleTest {
    @Test
    void printsEachCallerLineWithTheirAngerAndExplainsBadInput() throws Exception {
        TextDrill drill = new TextDrill(ScriptedTextDrill.DOUBLE_CHARGE, Difficulty.NORMAL, 5);
        StringWriter out = new StringWriter();
        String typed = "I'm so sorry you were charged twice, that must be frustrating.\n/hlod 5\n/hangup\n";

        new ChatConsole(drill, new PrintWriter(out)).interactive(new BufferedReader(new StringReader(typed)), "");

        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).startsWith("CALLER (anger 72): Yes, hi. I'm calling because");
        assertThat(lines[1]).matches("CALLER \\(anger \\d+\\): .+");
        assertThat(out.toString()).contains("? unknown command '/hlod'").contains("(call ended: the agent hung up)");
        assertThat(drill.outcome()).isEqualTo(Outcome.AGENT_ENDED);
    }

    @Test
    void theEndOfInputHangsUp() throws Exception {
        TextDrill drill = new TextDrill(ScriptedTextDrill.DOUBLE_CHARGE, Difficulty.EASY, 5);

        new ChatConsole(drill, new PrintWriter(new StringWriter())).interactive(new BufferedReader(new StringReader("")), "> ");

        assertThat(drill.finished()).isTrue();
        assertThat(drill.outcome()).isEqualTo(Outcome.AGENT_ENDED);
    }

    @Test
    void aLetMeFinishIsPrintedBeforeTheNextPromptNotAfterTheAgentsNextLine() throws Exception {
        TextDrill drill = new TextDrill(ScriptedTextDrill.DOUBLE_CHARGE, Difficulty.HARD, 5);
        StringWriter out = new StringWriter();
        String typed = "/interrupt okay but what is your account number\nI'm sorry, go on.\n/hangup\n";

        new ChatConsole(drill, new PrintWriter(out)).interactive(new BufferedReader(new StringReader(typed)), "AGENT> ");

        List<String> letMeFinish = ScriptedTextDrill.DOUBLE_CHARGE.lines().pools().get(LineSituation.INTERRUPTED).values()
                .stream().flatMap(List::stream).toList();
        String[] afterPrompts = out.toString().split("AGENT> ");
        assertThat(afterPrompts[1]).as("the reaction to the interruption, before the second prompt")
                .satisfies(text -> assertThat(letMeFinish).anyMatch(text::contains));
    }

    @Test
    void thereIsNoPromptAfterTheCallersGoodbye() throws Exception {
        TextDrill drill = new TextDrill(ScriptedTextDrill.DOUBLE_CHARGE, Difficulty.EASY, 5);
        StringWriter out = new StringWriter();
        String typed = ScriptedTextDrill.resource("model-agent.txt");

        new ChatConsole(drill, new PrintWriter(out)).interactive(new BufferedReader(new StringReader(typed)), "AGENT> ");

        assertThat(drill.outcome()).isEqualTo(Outcome.RESOLVED);
        String conversation = out.toString();
        String afterLastCallerLine = conversation.substring(conversation.lastIndexOf("CALLER ("));
        assertThat(afterLastCallerLine).doesNotContain("AGENT> ").contains("(call ended: the caller accepted a remedy");
    }

    @Test
    void theOpeningHelpListsEveryMoveTheAgentCanMake() {
        String help = ChatConsole.introduction(ScriptedTextDrill.DOUBLE_CHARGE, Difficulty.NORMAL, 5);

        assertThat(help).contains("double-charge", "/interrupt TEXT", "/hold SECONDS", "/wait SECONDS", "/then SECONDS TEXT", "/hangup");
    }
}
