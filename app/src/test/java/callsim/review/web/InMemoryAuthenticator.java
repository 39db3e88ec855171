package callsim.review.web;

import callsim.review.auth.Authenticator;
import callsim.review.auth.Role;
import callsim.review.auth.Session;
import callsim.review.auth.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Accounts, sessions and API tokens in memory. */
final class InMemoryAuthenticator implements Authenticator {
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private record Account(User user, String password) {}

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryAuthenticator(Clock clock) {
        this.clock = clock;
    }

    User add(String username, String password, Role role, String team, String agentKey) {
        User user = new User(accounts.size() + 1, username, username.substring(0, 1).toUpperCase() + username.substring(1), role,
                Optional.ofNullable(team), Optional.ofNullable(agentKey));
        accounts.put(username, new Account(user, password));
        return user;
    }

    String issueApiToken(User user) {
        String token = randomToken();
        tokens.put(token, user);
        return token;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public java.util.Map<String, String> agentNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        accounts.values().forEach(a -> a.user().agentKey().ifPresent(k -> names.put(k, a.user().displayName())));
        return names;
    }

    int liveSessions() {
        return sessions.size();
    }

    @Override
    public Optional<User> login(String username, char[] password) {
        Account account = accounts.get(username);
        return account != null && account.password().equals(new String(password)) ? Optional.of(account.user()) : Optional.empty();
    }

    @Override
    public Session startSession(User user) {
        Session session = new Session(randomToken(), randomToken(), clock.instant().plus(SESSION_LIFETIME), user);
        sessions.put(session.cookieValue(), session);
        return session;
    }

    @Override
    public Optional<Session> session(String cookieValue) {
        return Optional.ofNullable(sessions.get(cookieValue)).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    @Override
    public void endSession(String cookieValue) {
        sessions.remove(cookieValue);
    }

    @Override
    public Optional<User> userForApiToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public Set<String> agentKeysInTeam(String team) {
        return accounts.values().stream().map(Account::user)
                .filter(u -> u.role() == Role.AGENT && u.team().equals(Optional.of(team)) && u.agentKey().isPresent())
                .map(u -> u.agentKey().get()).collect(Collectors.toUnmodifiableSet());
    }
}
