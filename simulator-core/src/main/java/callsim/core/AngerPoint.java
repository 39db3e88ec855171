package callsim.core;

/** The caller's anger (0-100) from {@code atMs} on. */
public record AngerPoint(long atMs, int value) {}
