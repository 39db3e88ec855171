package callsim.testkit.asterisk;

/** One {@code Name: value} line of an AMI packet, as the client wrote it (name case kept). */
public record AmiHeader(String name, String value) {
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
