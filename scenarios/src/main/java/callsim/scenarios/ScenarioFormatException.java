package callsim.scenarios;

/** A scenario file is wrong; the message says where: "double-charge.yaml:14: field 'persona.voicePitchHz' ...". */
public final class ScenarioFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;

    ScenarioFormatException(String source, int line, String field, String problem) {
        super(source + ":" + line + ": " + (field.isEmpty() ? "" : "field '" + field + "' ") + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** The file (or resource) name. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending node. */
    public int line() {
        return line;
    }

    /** Dotted path of the offending field, or empty when the problem is the file as a whole. */
    public String field() {
        return field;
    }
}
