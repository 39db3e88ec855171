package callsim.telephony.asterisk;

import java.util.Objects;

/**
 * Where and as whom to log in to Asterisk's manager interface. The secret comes from the
 * environment or a config file, never a flag; {@link #toString()} never shows it.
 */
public record AmiSettings(String host, int port, String user, String secret) {
    public static final int DEFAULT_PORT = 5038;

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        if (host.isBlank()) throw new IllegalArgumentException("AMI host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("AMI port must be 1-65535, got " + port);
        if (user.isBlank()) throw new IllegalArgumentException("AMI user is empty");
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
