package callsim.testkit.asterisk;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel a FastAGI request describes, and the bytes Asterisk 20 sends for it: res_agi's
 * {@code launch_netscript} ({@code agi_network}, {@code agi_network_script}) then {@code setup_env}
 * (every {@code agi_} variable in its order, {@code agi_arg_N} for the AGI() arguments), ended by an
 * empty line. Mutable: filled in by {@link FakeFastAgiClient.Builder}.
 */
final class AgiEnvironment {
    static final int DEFAULT_AGI_PORT = 4573;

    String request;
    String channel = "PJSIP/201-00000001";
    String language = "en";
    String uniqueId = "1700000000.1";
    String version = "20.5.0";
    String callerIdNumber;
    String callerIdName;
    int callingPres = 0;
    int callingAni2 = 0;
    int callingTon = 0;
    int callingTns = 0;
    String dnid = "7100";
    String rdnis;
    String context = "training";
    String extension = "7100";
    int priority = 2;
    String accountCode = "";
    long threadId = 140_245_812_979_456L;
    final List<String> arguments = new ArrayList<>();

    AgiEnvironment(String request) {
        if (request == null || !request.startsWith("agi://") || request.length() == "agi://".length()) {
            throw new IllegalArgumentException("a FastAGI request URL looks like agi://host[:port][/script], got " + request);
        }
        this.request = request;
    }

    /** What follows the host in the URL, as {@code launch_netscript} cuts it: {@code drill?scenario=x}. */
    String script() {
        String hostAndPath = request.substring("agi://".length());
        int slash = hostAndPath.indexOf('/');
        return slash < 0 ? "" : hostAndPath.substring(slash + 1);
    }

    /** Where Asterisk connects: the URL's host and port (4573 when none is given). */
    InetSocketAddress address() {
        String hostAndPath = request.substring("agi://".length());
        int slash = hostAndPath.indexOf('/');
        String hostPort = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String host = hostPort;
        int port = DEFAULT_AGI_PORT;
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in FastAGI request URL " + request, e);
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, port);
    }

    /** The exact environment block, {@code \n} line endings, blank line last. */
    String render() {
        StringBuilder b = new StringBuilder();
        line(b, "agi_network", "yes");
        if (!script().isEmpty()) {
            line(b, "agi_network_script", script());
        }
        line(b, "agi_request", request);
        line(b, "agi_channel", channel);
        line(b, "agi_language", language);
        line(b, "agi_type", technology());
        line(b, "agi_uniqueid", uniqueId);
        line(b, "agi_version", version);
        line(b, "agi_callerid", orUnknown(callerIdNumber));
        line(b, "agi_calleridname", orUnknown(callerIdName));
        line(b, "agi_callingpres", String.valueOf(callingPres));
        line(b, "agi_callingani2", String.valueOf(callingAni2));
        line(b, "agi_callington", String.valueOf(callingTon));
        line(b, "agi_callingtns", String.valueOf(callingTns));
        line(b, "agi_dnid", orUnknown(dnid));
        line(b, "agi_rdnis", orUnknown(rdnis));
        line(b, "agi_context", context);
        line(b, "agi_extension", extension);
        line(b, "agi_priority", String.valueOf(priority));
        line(b, "agi_enhanced", "0.0");
        line(b, "agi_accountcode", accountCode == null ? "" : accountCode);
        line(b, "agi_threadid", String.valueOf(threadId));
        for (int i = 0; i < arguments.size(); i++) {
            line(b, "agi_arg_" + (i + 1), arguments.get(i));
        }
        return b.append('\n').toString();
    }

    /** {@code agi_type} is the channel driver's type, the part of the channel name before the slash. */
    private String technology() {
        int slash = channel.indexOf('/');
        return slash < 0 ? channel : channel.substring(0, slash);
    }

    // Asterisk's S_COR(valid, str, "unknown"): a missing or empty caller id is sent as "unknown".
    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "unknown" : value;
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append(": ").append(value).append('\n');
    }
}
