package callsim.scenarios;

import callsim.core.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios a drill can use. The built-in ones are resources listed in
 * {@code scenarios/index.txt} (one file name a line, the first is the default), so nothing is
 * discovered by scanning the class path.
 */
public final class ScenarioLibrary {
    static final String RESOURCE_DIR = "/scenarios/";
    static final String INDEX = RESOURCE_DIR + "index.txt";

    private final Map<String, Scenario> byId;
    private final String defaultId;

    public ScenarioLibrary(List<Scenario> scenarios, String defaultId) {
        if (scenarios.isEmpty()) throw new IllegalArgumentException("a scenario library needs at least one scenario");
        Map<String, Scenario> map = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            if (map.put(scenario.id(), scenario) != null) {
                throw new IllegalArgumentException("two scenarios have the id '" + scenario.id() + "'");
            }
        }
        if (!map.containsKey(defaultId)) throw new IllegalArgumentException("default scenario '" + defaultId + "' is not in " + map.keySet());
        this.byId = map;
        this.defaultId = defaultId;
    }

    /** The scenarios shipped with callsim; the first in the index is the default. */
    public static ScenarioLibrary builtIn() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String line : readResource(INDEX, "index.txt").split("\n")) {
            String fileName = line.strip();
            if (fileName.isEmpty() || fileName.startsWith("#")) continue;
            scenarios.add(ScenarioLoader.parse(fileName, readResource(RESOURCE_DIR + fileName, fileName)));
        }
        if (scenarios.isEmpty()) throw new IllegalStateException("the built-in scenario index lists no scenarios");
        return new ScenarioLibrary(scenarios, scenarios.get(0).id());
    }

    public List<Scenario> all() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Scenario get(String id) {
        Scenario scenario = byId.get(id);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return scenario;
    }

    public Scenario defaultScenario() {
        return byId.get(defaultId);
    }

    private static String readResource(String resource, String name) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("built-in scenario resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in scenario resource " + name, e);
        }
    }
}
