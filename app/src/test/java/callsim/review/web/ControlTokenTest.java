package callsim.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesAnOwnerOnlyTokenThatLaterStartsReuse() throws Exception {
        ControlToken first = ControlToken.load(dataDir);
        String token = ControlToken.read(dataDir);

        assertThat(token).matches("[0-9a-f]{64}");
        Path file = dataDir.resolve(ControlToken.FILE);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(ControlToken.load(dataDir).matches("Bearer " + token)).isTrue();
        assertThat(first.matches("Bearer " + token)).isTrue();
    }

    @Test
    void onlyTheExactBearerTokenMatches() throws Exception {
        ControlToken control = ControlToken.load(dataDir);
        String token = ControlToken.read(dataDir);

        assertThat(control.matches("Bearer " + token + " ")).as("trailing space").isTrue();
        assertThat(control.matches(null)).isFalse();
        assertThat(control.matches(token)).isFalse();
        assertThat(control.matches("bearer " + token)).isFalse();
        assertThat(control.matches("Bearer " + token.substring(1))).isFalse();
        assertThat(control.matches("Bearer ")).isFalse();
    }

    @Test
    void aClientWithoutAServerTokenIsToldToStartServe() {
        assertThatThrownBy(() -> ControlToken.read(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("start ./callsim serve with the same --data first");
    }
}
