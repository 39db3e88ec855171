package callsim.telephony;

/** SDP media direction attribute (RFC 3264), from the point of view of the side that wrote it. */
public enum MediaDirection {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the writer of the SDP will send media. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** Whether the writer of the SDP wants to receive media. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    static MediaDirection fromAttribute(String attribute) {
        for (MediaDirection direction : values()) {
            if (direction.attribute().equals(attribute)) {
                return direction;
            }
        }
        return null;
    }
}
