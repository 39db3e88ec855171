package callsim.scenarios;

import callsim.core.AngerBand;
import callsim.core.CallerLines;
import callsim.core.CallerTemper;
import callsim.core.Difficulty;
import callsim.core.Fact;
import callsim.core.Grievance;
import callsim.core.LineSituation;
import callsim.core.Persona;
import callsim.core.Remedy;
import callsim.core.Scenario;
import callsim.core.Signal;
import callsim.core.Technique;
import callsim.core.TechniqueWeights;
import callsim.core.TurnAnalyzer;
import callsim.core.TurnReading;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario from YAML and checks it field by field; a mistake is reported as
 * {@code file:line: field 'path' problem} ({@link ScenarioFormatException}).
 */
public final class ScenarioLoader {
    private static final Set<String> TOP_FIELDS = Set.of("id", "title", "summary", "persona", "difficulty", "opening",
            "need", "grievances", "facts", "remedies", "agentPhrases", "lines", "policy", "weights", "passMark");

    /** The built-in scenarios are under 20 KB; a file far larger is a mistake, refused before it is read. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private ScenarioLoader() {}

    public static Scenario load(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) throw tooLarge(file.getFileName().toString(), size);
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
    }

    /** Parses scenario YAML; {@code sourceName} (usually the file name) prefixes every error message. */
    public static Scenario parse(String sourceName, String yaml) {
        if (yaml.length() > MAX_FILE_BYTES) throw tooLarge(sourceName, yaml.length());
        YamlMap root = new YamlMap(sourceName, "", compose(sourceName, yaml)).onlyFields(TOP_FIELDS);
        String id = root.text("id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) throw root.error("id", "must be lower-case words joined by '-'");
        List<Grievance> grievances = root.maps("grievances").stream()
                .map(g -> new Grievance(g.onlyFields(Set.of("id", "keywords")).text("id"), g.texts("keywords"))).toList();
        List<Fact> facts = root.maps("facts").stream()
                .map(f -> new Fact(f.onlyFields(Set.of("id", "askedBy", "answer")).text("id"), f.texts("askedBy"), f.text("answer")))
                .toList();
        List<Remedy> remedies = root.maps("remedies").stream()
                .map(r -> new Remedy(r.onlyFields(Set.of("id", "phrases", "meetsNeed", "called")).text("id"), r.texts("phrases"),
                        r.bool("meetsNeed"), r.optionalText("called")))
                .toList();
        if (remedies.stream().noneMatch(Remedy::meetsNeed)) throw root.error("remedies", "must include a remedy with meetsNeed: true");
        Persona persona = persona(root.map("persona"));
        Map<Difficulty, CallerTemper> tempers = tempers(root.map("difficulty"));
        CallerLines lines = lines(root.map("lines"), persona);
        YamlMap policy = root.keys().contains("policy") ? root.map("policy").onlyFields(Set.of("forbidden")) : null;
        List<String> forbidden = policy == null ? List.of() : policy.texts("forbidden");
        Map<Technique, Double> weights = root.keys().contains("weights") ? weights(root.map("weights")) : Map.of();
        int passMark = root.keys().contains("passMark") ? root.integer("passMark", 0, 100) : Scenario.DEFAULT_PASS_MARK;
        try {
            Scenario scenario = new Scenario(id, root.text("title"), root.optionalText("summary"), persona, tempers,
                    root.text("opening"), grievances, root.optionalText("need"), facts, remedies, lines,
                    root.texts("agentPhrases"), forbidden, weights, passMark);
            if (policy != null) checkNoAllowedRemedyIsForbidden(scenario, policy);
            return scenario;
        } catch (ScenarioFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) { // a rule spanning several fields
            throw new ScenarioFormatException(sourceName, 1, "", e.getMessage());
        }
    }

    /** An allowed remedy that reads as a forbidden promise would fail every agent who offers it. */
    private static void checkNoAllowedRemedyIsForbidden(Scenario scenario, YamlMap policy) {
        TurnAnalyzer analyzer = new TurnAnalyzer(scenario);
        for (Remedy remedy : scenario.remedies()) {
            for (String phrase : remedy.phrases()) {
                TurnReading reading = analyzer.read(phrase.replace("*", ""));
                reading.first(Signal.FORBIDDEN_PROMISE).ifPresent(d -> {
                    throw policy.error("forbidden", "has '" + d.evidence() + "', which also matches the allowed remedy '"
                            + remedy.id() + "' phrase '" + phrase + "'");
                });
            }
        }
    }

    private static ScenarioFormatException tooLarge(String sourceName, long size) {
        return new ScenarioFormatException(sourceName, 1, "", "is " + size / 1024 + " KB; a scenario file is at most "
                + MAX_FILE_BYTES / 1024 + " KB");
    }

    private static Node compose(String sourceName, String yaml) {
        try {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            if (node == null) throw new ScenarioFormatException(sourceName, 1, "", "is empty");
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ScenarioFormatException(sourceName, line, "", "is not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioFormatException(sourceName, 1, "", "is not valid YAML: " + e.getMessage());
        }
    }

    private static Persona persona(YamlMap persona) {
        persona.onlyFields(Set.of("name", "voicePitchHz", "abusive", "insistsOnSupervisor"));
        return new Persona(persona.text("name"),
                persona.integer("voicePitchHz", Persona.MIN_PITCH_HZ, Persona.MAX_PITCH_HZ),
                persona.keys().contains("abusive") && persona.bool("abusive"),
                persona.keys().contains("insistsOnSupervisor") && persona.bool("insistsOnSupervisor"));
    }

    /** Technique ids T1..T14 to relative weights; techniques not named keep their defaults. */
    private static Map<Technique, Double> weights(YamlMap weights) {
        weights.onlyFields(names(Technique.values(), Technique::code));
        Map<Technique, Double> map = new EnumMap<>(Technique.class);
        for (Technique technique : Technique.values()) {
            if (weights.keys().contains(technique.code())) {
                map.put(technique, weights.number(technique.code(), 0, TechniqueWeights.MAX_WEIGHT));
            }
        }
        return map;
    }

    private static Map<Difficulty, CallerTemper> tempers(YamlMap difficulty) {
        Map<Difficulty, CallerTemper> tempers = new EnumMap<>(Difficulty.class);
        difficulty.onlyFields(names(Difficulty.values(), Difficulty::jsonName));
        for (Difficulty level : Difficulty.values()) {
            YamlMap temper = difficulty.map(level.jsonName()).onlyFields(Set.of("startingAnger", "holdPatienceSeconds", "volatility"));
            tempers.put(level, new CallerTemper(temper.integer("startingAnger", 0, 100),
                    temper.integer("holdPatienceSeconds", 5, 3_600), temper.number("volatility", 0.1, 3.0)));
        }
        return tempers;
    }

    private static CallerLines lines(YamlMap lines, Persona persona) {
        lines.onlyFields(names(LineSituation.values(), LineSituation::yamlName));
        Map<LineSituation, Map<AngerBand, List<String>>> pools = new EnumMap<>(LineSituation.class);
        for (LineSituation situation : LineSituation.values()) {
            Set<AngerBand> required = situation.requiredBands(persona);
            String why = situation.requiredBands().isEmpty() ? " (" + situation.personaReason() + " needs it)" : "";
            if (!lines.keys().contains(situation.yamlName())) {
                if (!required.isEmpty()) throw lines.error(situation.yamlName(), "is missing" + why);
                continue;
            }
            YamlMap byBand = lines.map(situation.yamlName()).onlyFields(names(AngerBand.values(), AngerBand::yamlName));
            Map<AngerBand, List<String>> pool = new EnumMap<>(AngerBand.class);
            for (AngerBand band : AngerBand.values()) {
                if (byBand.keys().contains(band.yamlName())) {
                    pool.put(band, byBand.texts(band.yamlName()));
                } else if (required.contains(band)) {
                    String who = why.isEmpty() ? "every " + situation.yamlName() + " pool"
                            : "with " + situation.personaReason() + ", the " + situation.yamlName() + " pool";
                    throw byBand.error(band.yamlName(), "is missing (" + who + " needs "
                            + required.stream().map(AngerBand::yamlName).collect(Collectors.joining(", ")) + ")");
                }
            }
            pools.put(situation, pool);
        }
        return new CallerLines(pools);
    }

    private static <T> Set<String> names(T[] values, java.util.function.Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
