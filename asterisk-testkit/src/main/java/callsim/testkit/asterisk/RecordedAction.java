package callsim.testkit.asterisk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action a client sent to {@link FakeAmiServer}: its headers in the order sent, and the raw bytes
 * (as text, line endings included). Header names are matched case-insensitively, as Asterisk does
 * (Asterisk-Java, for one, writes them in lower case).
 *
 * @param session which connection it came on (1 for the first accepted connection, and so on)
 */
public record RecordedAction(int session, List<AmiHeader> headers, String raw) {
    public RecordedAction {
        headers = List.copyOf(headers);
    }

    /** The {@code Action} header's value, e.g. {@code Originate}. */
    public String name() {
        return get("Action");
    }

    /** The {@code ActionID} exactly as sent (Asterisk-Java's look like {@code 12345_7#yours}). */
    public String actionId() {
        return get("ActionID");
    }

    /** The first value of a header, or null; like Asterisk's astman_get_header, case-insensitive. */
    public String get(String name) {
        for (AmiHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) return header.value();
        }
        return null;
    }

    /** Every value of a repeated header, e.g. all {@code Variable} lines, in order. */
    public List<String> values(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(AmiHeader::value).toList();
    }

    /**
     * Headers as an ordered map keyed by the name in canonical (lower) case; a repeated header keeps
     * its first value here (use {@link #values} for all of them).
     */
    public Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (AmiHeader header : headers) {
            map.putIfAbsent(header.name().toLowerCase(java.util.Locale.ROOT), header.value());
        }
        return map;
    }

    @Override
    public String toString() {
        return "RecordedAction[session " + session + "] " + headers;
    }
}
