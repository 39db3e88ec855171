package callsim.testkit.asterisk;

import java.util.List;
import java.util.Locale;

/**
 * One command line the FastAGI server sent, as received and as Asterisk understood it.
 *
 * @param line  the line exactly as received, without its {@code \n}
 * @param words the line split by Asterisk's rules (quotes and backslash escapes removed), e.g.
 *              {@code EXEC "AudioSocket" "id,host:9092"} gives {@code [EXEC, AudioSocket, id,host:9092]}
 * @param name  the command Asterisk matched, upper case ({@code SET VARIABLE}); for a command Asterisk
 *              does not know, its first word upper-cased
 * @param known whether Asterisk has such a command (if not it replied {@code 510})
 */
public record AgiCommand(String line, List<String> words, String name, boolean known) {
    public AgiCommand {
        words = List.copyOf(words);
    }

    static AgiCommand parse(String line) {
        List<String> words = AgiCommandTable.parseArgs(line);
        return AgiCommandTable.find(words)
                .map(e -> new AgiCommand(line, words, e.name(), true))
                .orElseGet(() -> new AgiCommand(line, words,
                        words.isEmpty() ? "" : words.get(0).toUpperCase(Locale.ROOT), false));
    }

    /** The words after the command's own, e.g. {@code [CALLSIM_DRILL, 42]} for {@code SET VARIABLE}. */
    public List<String> arguments() {
        int commandWords = known ? name.split(" ").length : Math.min(1, words.size());
        return words.subList(commandWords, words.size());
    }

    /** The words joined by single spaces: {@code EXEC AudioSocket id,host:9092}. Handy in assertions. */
    public String text() {
        return String.join(" ", words);
    }

    @Override
    public String toString() {
        return line;
    }
}
