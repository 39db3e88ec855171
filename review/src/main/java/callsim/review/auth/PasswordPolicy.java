package callsim.review.auth;

import java.util.Optional;

/** What a password must be: long enough to resist guessing, and not trivially derived from the account. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase; a limit stops megabyte "passwords" from being hashed. */
    public static final int MAX_LENGTH = 1000;

    private PasswordPolicy() {}

    /** Why this password may not be used, or empty when it may. */
    public static Optional<String> problem(String username, char[] password) {
        if (password == null || password.length == 0) {
            return Optional.of("the password is empty; it must be at least " + MIN_LENGTH + " characters");
        }
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH) {
            return Optional.of("the password is too short: at least " + MIN_LENGTH + " characters, it has " + length);
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password is too long: at most " + MAX_LENGTH + " characters");
        }
        if (oneCharacterRepeated(password)) {
            return Optional.of("the password is one character repeated; use a passphrase of a few words");
        }
        if (username != null && sameIgnoringCase(password, username.strip())) {
            return Optional.of("the password must not be the username");
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException saying what is wrong with the password */
    public static void check(String username, char[] password) {
        problem(username, password).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    // Compared without making a String of the password, so no copy of it lingers on the heap.
    private static boolean sameIgnoringCase(char[] password, String username) {
        if (password.length != username.length()) return false;
        for (int i = 0; i < password.length; i++) {
            if (Character.toLowerCase(password[i]) != Character.toLowerCase(username.charAt(i))) return false;
        }
        return true;
    }

    private static boolean oneCharacterRepeated(char[] password) {
        int first = Character.codePointAt(password, 0);
        for (int i = 0; i < password.length; i += Character.charCount(Character.codePointAt(password, i))) {
            if (Character.codePointAt(password, i) != first) return false;
        }
        return true;
    }
}
