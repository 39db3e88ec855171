package callsim.review.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extension an agent is known by, read from how the line named them, so access rules can match
 * an agent's drills whichever way the call arrived.
 */
public final class AgentKey {
    // "Alice Smith <201>" or "Alice <sip:201@pbx>": what is inside the last angle brackets.
    private static final Pattern NAME_ADDR = Pattern.compile(".*<([^<>]+)>\\s*$");
    // "PJSIP/201", "PJSIP/201-0000001", "SIP/201-00a1", "Local/201@from-internal-0001;1"
    private static final Pattern CHANNEL = Pattern.compile("^[A-Za-z][A-Za-z0-9]*/([^-/@;\\s]+)(?:[-@;].*)?$");
    // "sip:201@10.0.0.5", "sips:201@pbx;transport=tls"
    private static final Pattern SIP_URI = Pattern.compile("^sips?:([^@;>\\s]+)@.*$", Pattern.CASE_INSENSITIVE);
    // The AGI training extension names an agent by their bare caller id number when the phone sent no name.
    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9]+$");
    private static final int MAX = 64;  // drills.agent_key

    private AgentKey() {}

    public static Optional<String> of(String agent) {
        if (agent == null) return Optional.empty();
        String text = agent.trim();
        Matcher m = NAME_ADDR.matcher(text);
        if (m.matches()) text = m.group(1).trim();
        for (Pattern p : new Pattern[] {CHANNEL, SIP_URI}) {
            m = p.matcher(text);
            if (m.matches()) return key(m.group(1));
        }
        return NUMBER.matcher(text).matches() ? key(text) : Optional.empty();
    }

    private static Optional<String> key(String value) {
        return value.isEmpty() || value.length() > MAX ? Optional.empty() : Optional.of(value);
    }
}
