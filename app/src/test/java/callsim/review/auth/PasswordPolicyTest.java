package callsim.review.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static String problem(String username, String password) {
        return PasswordPolicy.problem(username, password.toCharArray()).orElse("accepted");
    }

    @Test
    void aPassphraseOfTwelveOrMoreCharactersIsAccepted() {
        assertThat(problem("alice", "correct horse battery")).isEqualTo("accepted");
        assertThat(problem("alice", "twelve chars")).isEqualTo("accepted");
    }

    @Test
    void eachRefusalSaysWhatIsWrong() {
        assertThat(problem("alice", "")).isEqualTo("the password is empty; it must be at least 12 characters");
        assertThat(problem("alice", "hunter2")).isEqualTo("the password is too short: at least 12 characters, it has 7");
        assertThat(problem("alice", "eleven char")).isEqualTo("the password is too short: at least 12 characters, it has 11");
        assertThat(problem("alice", "aaaaaaaaaaaaaaaa")).isEqualTo("the password is one character repeated; use a passphrase of a few words");
        assertThat(problem("supervisor.alice", "Supervisor.Alice")).isEqualTo("the password must not be the username");
        assertThat(problem("alice", "x".repeat(5) + "y".repeat(996))).isEqualTo("the password is too long: at most 1000 characters");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but still too short.
        assertThat(problem("alice", "\uD83D\uDE00".repeat(5) + "\uD83D\uDE01".repeat(6)))
                .isEqualTo("the password is too short: at least 12 characters, it has 11");
    }

    @Test
    void checkThrowsTheSameMessage() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "hunter2".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12 characters");
    }
}
