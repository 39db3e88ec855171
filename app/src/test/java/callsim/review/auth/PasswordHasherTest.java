package callsim.review.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordMatchesItsHashAndAWrongOneDoesNot() {
        String stored = hasher.hash(PASSWORD);

        assertThat(hasher.matches(PASSWORD, stored)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("Correct horse battery staple".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches(new char[0], stored)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(hasher.matches(PASSWORD, first)).isTrue();
        assertThat(hasher.matches(PASSWORD, second)).isTrue();
    }

    @Test
    void theStoredFormNamesAlgorithmCostSaltAndHashAndHoldsNoPassword() {
        String stored = hasher.hash(PASSWORD);

        // 16-byte salt and 32-byte hash in unpadded base64.
        assertThat(stored).matches("pbkdf2-sha256\\$310000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(stored).doesNotContain("horse");
    }

    @Test
    void aHashWithFewerIterationsStillVerifiesButAsksToBeRehashed() {
        String old = hasher.hash(PASSWORD);
        PasswordHasher stronger = new PasswordHasher(400_000);

        assertThat(stronger.matches(PASSWORD, old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.hash(PASSWORD)).startsWith("pbkdf2-sha256$400000$");
    }

    @Test
    void anUnreadableStoredFormNeverMatchesAndAsksToBeRehashed() {
        for (String broken : new String[] {"", "plain-text-password", "pbkdf2-sha256$abc$AAAA$AAAA", "md5$1$AAAA$AAAA",
                "pbkdf2-sha256$310000$not base64!$AAAA", "pbkdf2-sha256$999999999$AAAA$AAAA"}) {
            assertThat(hasher.matches(PASSWORD, broken)).as(broken).isFalse();
            assertThat(hasher.needsRehash(broken)).as(broken).isTrue();
        }
        assertThat(hasher.matches(PASSWORD, null)).isFalse();
    }

    @Test
    void fewerIterationsThanTheFloorAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(10_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PBKDF2 needs at least 310000 iterations, not 10000");
    }
}
