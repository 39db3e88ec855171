package callsim.core;

public enum Speaker {
    CALLER, AGENT;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
