package callsim.telephony;

import java.util.Optional;

/**
 * Who may place calls on the SIP endpoint when digest authentication is on: the agent's SIP user name
 * (their extension, e.g. {@code 201}) and the digest secret {@code HA1 = md5(user:realm:password)}.
 * With credentials, every new call must authenticate and its From user must be the authenticated one, so
 * the agent a drill is filed under can be trusted.
 */
public interface SipCredentials {
    String DEFAULT_REALM = "callsim";

    /** The lower-case hex HA1 of {@code username}, or empty when there is no such SIP account. */
    Optional<String> ha1(String username);

    default String realm() {
        return DEFAULT_REALM;
    }
}
