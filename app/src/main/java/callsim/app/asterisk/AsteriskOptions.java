package callsim.app.asterisk;

import callsim.telephony.asterisk.AmiSettings;
import java.util.Optional;

/**
 * How callsim meets an Asterisk PBX beyond plain AudioSocket.
 *
 * @param agiPort        the FastAGI training extension's port; negative turns it off
 * @param ami            the manager login for outbound drills and PBX hold events; empty turns AMI off
 * @param advertisedHost the host Asterisk must connect AudioSocket to; empty means work it out
 *                       (the bind address, or the address Asterisk reached us on)
 */
public record AsteriskOptions(int agiPort, Optional<AmiSettings> ami, Optional<String> advertisedHost) {
    public static final AsteriskOptions NONE = new AsteriskOptions(-1, Optional.empty(), Optional.empty());
}
