package callsim.telephony.asterisk;

import java.util.Objects;
import java.util.UUID;

/** Where Asterisk's {@code AudioSocket(uuid,host:port)} must connect for one booked drill. */
public record AudioSocketTarget(UUID uuid, String host, int port) {
    public AudioSocketTarget {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
    }

    /** The application data for {@code AudioSocket}: {@code uuid,host:port} (IPv6 hosts in brackets). */
    public String applicationData() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return uuid + "," + h + ":" + port;
    }
}
