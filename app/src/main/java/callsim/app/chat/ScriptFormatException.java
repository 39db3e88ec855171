package callsim.app.chat;

/** A script line is wrong; the message says where: "angry.txt:4: unknown command '/hlod' ...". */
public final class ScriptFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    ScriptFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }
}
