package callsim.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read from the composed node tree, so every value keeps its line: each accessor
 * checks one field and reports a mistake with file, line and the field's dotted path.
 */
final class YamlMap {
    private final String source;
    private final String path;
    /** Where "missing field" errors point: the key naming this map, or the map itself. */
    private final Node anchor;
    private final Map<String, Node> fields = new LinkedHashMap<>();
    /** Errors about a field point at its key: a block value would otherwise start a line later. */
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();

    YamlMap(String source, String path, Node node) {
        this(source, path, node, node);
    }

    private YamlMap(String source, String path, Node node, Node anchor) {
        this.source = source;
        this.path = path;
        this.anchor = anchor;
        if (!(node instanceof MappingNode mapping)) throw error(anchor, path, "must be a mapping of fields");
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) throw error(tuple.getKeyNode(), path, "has a key that is not a name");
            if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, child(key.getValue()), "appears twice");
            }
            keyNodes.put(key.getValue(), key);
        }
    }

    Set<String> keys() {
        return fields.keySet();
    }

    /** Rejects fields outside {@code known}, so a misspelt field is not silently ignored. */
    YamlMap onlyFields(Set<String> known) {
        for (String key : fields.keySet()) {
            if (!known.contains(key)) throw error(keyNodes.get(key), child(key), "is not known here (expected one of " + sorted(known) + ")");
        }
        return this;
    }

    String text(String field) {
        Node value = required(field);
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(keyNodes.get(field), child(field), "must be a non-empty text");
        }
        return scalar.getValue().trim().replaceAll("\\s+", " ");
    }

    String optionalText(String field) {
        return fields.containsKey(field) ? text(field) : "";
    }

    int integer(String field, int min, int max) {
        Node value = required(field);
        String problem = "must be a number between " + min + " and " + max;
        try {
            int number = Integer.parseInt(scalar(value, field, problem));
            if (number < min || number > max) throw error(keyNodes.get(field), child(field), problem);
            return number;
        } catch (NumberFormatException e) {
            throw error(keyNodes.get(field), child(field), problem);
        }
    }

    double number(String field, double min, double max) {
        Node value = required(field);
        String problem = "must be a number between " + min + " and " + max;
        try {
            double number = Double.parseDouble(scalar(value, field, problem));
            if (!(number >= min && number <= max)) throw error(keyNodes.get(field), child(field), problem);
            return number;
        } catch (NumberFormatException e) {
            throw error(keyNodes.get(field), child(field), problem);
        }
    }

    boolean bool(String field) {
        Node value = required(field);
        String text = scalar(value, field, "must be true or false");
        if (!text.equals("true") && !text.equals("false")) throw error(keyNodes.get(field), child(field), "must be true or false");
        return Boolean.parseBoolean(text);
    }

    YamlMap map(String field) {
        return new YamlMap(source, child(field), required(field), keyNodes.get(field));
    }

    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        SequenceNode sequence = sequence(field);
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw error(item, child(field) + "[" + i + "]", "must be a non-empty text");
            }
            texts.add(scalar.getValue().trim().replaceAll("\\s+", " "));
        }
        return texts;
    }

    List<YamlMap> maps(String field) {
        List<YamlMap> maps = new ArrayList<>();
        SequenceNode sequence = sequence(field);
        for (int i = 0; i < sequence.getValue().size(); i++) {
            maps.add(new YamlMap(source, child(field) + "[" + i + "]", sequence.getValue().get(i)));
        }
        return maps;
    }

    /** An error about a field of this map, at the field's value (or at the map when it is missing). */
    ScenarioFormatException error(String field, String problem) {
        return error(keyNodes.getOrDefault(field, anchor), child(field), problem);
    }

    private SequenceNode sequence(String field) {
        Node value = required(field);
        if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(keyNodes.get(field), child(field), "must be a non-empty list");
        }
        return sequence;
    }

    private Node required(String field) {
        Node value = fields.get(field);
        if (value == null) throw error(anchor, child(field), "is missing");
        return value;
    }

    private String scalar(Node value, String field, String problem) {
        if (!(value instanceof ScalarNode scalar)) throw error(keyNodes.get(field), child(field), problem);
        return scalar.getValue().trim();
    }

    private String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private ScenarioFormatException error(Node at, String field, String problem) {
        return new ScenarioFormatException(source, at.getStartMark().getLine() + 1, field, problem);
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }
}
