package callsim.core;

import java.util.Locale;

/** How hard the caller is: patience, volatility and starting anger scale with it. */
public enum Difficulty {
    EASY, NORMAL, HARD;

    public static Difficulty parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown difficulty '" + text + "' (expected easy, normal or hard)");
        }
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
