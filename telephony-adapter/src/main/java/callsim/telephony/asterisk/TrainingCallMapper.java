package callsim.telephony.asterisk;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a FastAGI request's environment (Asterisk-Java's {@code AgiRequest#getRequest()}: the
 * {@code agi_} variables without their prefix) into a {@link TrainingCall}.
 */
final class TrainingCallMapper {
    private TrainingCallMapper() {}

    /** The script path of {@code agi://host:port/PATH?QUERY}, or null when the URL had none. */
    static String script(Map<String, String> env) {
        String networkScript = env.get("network_script");
        if (networkScript == null) {
            return null;
        }
        int query = networkScript.indexOf('?');
        return query < 0 ? networkScript : networkScript.substring(0, query);
    }

    /**
     * @throws IllegalArgumentException when the URL's query is malformed (the message says how), so the
     *         call is refused like any other request that cannot be served
     */
    static TrainingCall toTrainingCall(Map<String, String> env, InetAddress localAddress) {
        String networkScript = env.getOrDefault("network_script", "");
        int query = networkScript.indexOf('?');
        return new TrainingCall(
                script(env),
                query < 0 ? Map.of() : parameters(networkScript.substring(query + 1)),
                env.get("channel"),
                env.get("uniqueid"),
                callerId(env.get("callerid")),
                callerId(env.get("calleridname")),
                localAddress == null ? null : localAddress.getHostAddress());
    }

    /** {@code a=1&b=x%20y}: names and values URL-decoded; a name without {@code =} gets "". */
    static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), query);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), query);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameter without a name in FastAGI query \"" + query + "\"");
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter \"" + name + "\" given twice in FastAGI query \"" + query + "\"");
            }
        }
        return parameters;
    }

    private static String decode(String text, String query) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed escape in FastAGI query \"" + query + "\": " + e.getMessage(), e);
        }
    }

    /** Asterisk sends "unknown" for a caller id it does not have; Asterisk-Java drops empty values. */
    static String callerId(String raw) {
        return raw == null || raw.isBlank() || raw.equals("unknown") ? null : raw;
    }
}
