package callsim.review.auth;

import java.util.Optional;
import java.util.Set;

/** What the web UI and API need from accounts: logins, sessions, API tokens and team membership. */
public interface Authenticator {
    /** The user, if the password is right and the account is enabled. Takes the same time either way. */
    Optional<User> login(String username, char[] password);

    Session startSession(User user);

    /** The live session for this cookie value; expired or unknown gives empty. */
    Optional<Session> session(String cookieValue);

    void endSession(String cookieValue);

    /** The user an API token ({@code Authorization: Bearer ...}) belongs to. */
    Optional<User> userForApiToken(String token);

    /** The agent keys of every agent in a team, for a supervisor's view. */
    Set<String> agentKeysInTeam(String team);

    /** Display names of enabled accounts by their agent key, so pages name "Ali Khan" rather than "sip:201@pbx". */
    java.util.Map<String, String> agentNames();
}
