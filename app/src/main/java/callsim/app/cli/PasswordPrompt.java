package callsim.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where {@code callsim admin} gets a password: typed twice without echo at a terminal, or one line of
 * stdin for scripts. Never an option or an environment variable, which linger in history and in ps.
 */
final class PasswordPrompt {
    private PasswordPrompt() {}

    static char[] read(Console console, InputStream stdin, String username) {
        return console != null ? typed(console, username) : firstLine(stdin);
    }

    private static char[] typed(Console console, String username) {
        char[] first = console.readPassword("New password for %s (at least 12 characters): ", username);
        if (first == null) throw new IllegalArgumentException("no password typed; nothing changed");
        char[] second = console.readPassword("The same password again: ");
        boolean same = Arrays.equals(first, second);
        if (second != null) Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new IllegalArgumentException("the two passwords differ; nothing changed");
        }
        return first;
    }

    // Read char by char into an array we can wipe, rather than through a String.
    private static char[] firstLine(InputStream stdin) {
        Reader reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
        char[] line = new char[64];
        int length = 0;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == line.length) {
                    char[] bigger = Arrays.copyOf(line, line.length * 2);
                    Arrays.fill(line, '\0');
                    line = bigger;
                }
                line[length++] = (char) c;
            }
            if (c == -1 && length == 0) {
                throw new IllegalArgumentException("no password on stdin: type it at a terminal, or pipe it in as one line");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from stdin", e);
        }
        if (length > 0 && line[length - 1] == '\r') length--;
        char[] password = Arrays.copyOf(line, length);
        Arrays.fill(line, '\0');
        return password;
    }
}
