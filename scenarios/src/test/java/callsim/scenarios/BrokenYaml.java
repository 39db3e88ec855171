package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loader tests start from the real double-charge.yaml, break one thing, and check the reported place. */
final class BrokenYaml {
    private BrokenYaml() {}

    static String doubleChargeYaml() throws IOException {
        try (InputStream in = BrokenYaml.class.getResourceAsStream("/scenarios/double-charge.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The 1-based line of the first line containing {@code text}. */
    static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not found");
    }

    static void assertBroken(String yaml, String message) {
        assertThatThrownBy(() -> ScenarioLoader.parse("double-charge.yaml", yaml))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(message);
    }
}
