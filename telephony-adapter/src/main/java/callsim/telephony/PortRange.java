package callsim.telephony;

/** An inclusive range of UDP ports for RTP, e.g. {@code 10000-10999}; RTP uses its even ports. */
public record PortRange(int first, int last) {
    /** Any free port the operating system picks (for tests and the dialer). */
    public static final PortRange EPHEMERAL = new PortRange(0, 0);

    public PortRange {
        if (first < 0 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range must satisfy 0 <= first <= last <= 65535, was " + first + "-" + last);
        }
        if (first != 0 && evenPortCount(first, last) == 0) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " holds no even port for RTP");
        }
    }

    /** Parses "10000-10999". */
    public static PortRange parse(String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port range must look like 10000-10999, was '" + text + "'");
        }
    }

    public boolean isEphemeral() {
        return first == 0;
    }

    int evenPortCount() {
        return evenPortCount(first, last);
    }

    private static int evenPortCount(int first, int last) {
        int firstEven = first % 2 == 0 ? first : first + 1;
        return firstEven > last ? 0 : (last - firstEven) / 2 + 1;
    }
}
