package callsim.review.web;

import callsim.review.auth.JdbcAccounts;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-time link that creates the first admin in the browser, made only when there is no account at
 * all and printed by serve. It works once, and not at all once any account exists (made here or by the CLI).
 */
public final class FirstRun {
    private final AtomicReference<String> token;
    private final JdbcAccounts accounts;

    private FirstRun(String token, JdbcAccounts accounts) {
        this.token = new AtomicReference<>(token);
        this.accounts = accounts;
    }

    /** A set-up link's token when there is no account yet. */
    public static Optional<FirstRun> ifNoAccounts(JdbcAccounts accounts) {
        if (!accounts.list().isEmpty()) return Optional.empty();
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Optional.of(new FirstRun(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), accounts));
    }

    /** The path to print, {@code /setup?token=...}. */
    public String path() {
        String t = token.get();
        return t == null ? "/login" : "/setup?token=" + t;
    }

    /** Whether {@code given} is the live token (no account made since), compared in constant time. */
    boolean valid(String given) {
        String t = token.get();
        if (t == null || given == null) return false;
        if (!accounts.list().isEmpty()) {
            token.set(null);
            return false;
        }
        return MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Gives the token back after a refused form (a weak password, a bad username), so the admin can try again. */
    void restore(String given) {
        if (accounts.list().isEmpty()) token.compareAndSet(null, given);
    }

    /** Spends the token: true for the one caller that gets to create the admin. */
    boolean spend(String given) {
        String t = token.get();
        return valid(given) && token.compareAndSet(t, null);
    }
}
