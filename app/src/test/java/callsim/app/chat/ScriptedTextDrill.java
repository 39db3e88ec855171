package callsim.app.chat;

import callsim.core.Difficulty;
import callsim.core.Scenario;
import callsim.scenarios.ScenarioLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: plays a script (inline text or a resource under /scripts), on the built-in double-charge scenario unless told. */
final class ScriptedTextDrill {
    static final Scenario DOUBLE_CHARGE = ScenarioLibrary.builtIn().get("double-charge");

    final TextDrill drill;
    final String conversation;

    private ScriptedTextDrill(TextDrill drill, String conversation) {
        this.drill = drill;
        this.conversation = conversation;
    }

    static ScriptedTextDrill play(String script, Difficulty difficulty, long seed) {
        return play(DOUBLE_CHARGE, script, difficulty, seed);
    }

    static ScriptedTextDrill play(Scenario scenario, String script, Difficulty difficulty, long seed) {
        TextDrill drill = new TextDrill(scenario, difficulty, seed);
        StringWriter conversation = new StringWriter();
        new ChatConsole(drill, new PrintWriter(conversation)).script(DrillScript.parse("test", List.of(script.split("\n"))));
        return new ScriptedTextDrill(drill, conversation.toString());
    }

    static ScriptedTextDrill playResource(String name, Difficulty difficulty, long seed) {
        return play(resource(name), difficulty, seed);
    }

    static String resource(String name) {
        try (InputStream in = ScriptedTextDrill.class.getResourceAsStream("/scripts/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test script " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
