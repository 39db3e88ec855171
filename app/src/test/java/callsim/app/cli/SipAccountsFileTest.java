package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.telephony.SipCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SipAccountsFileTest {
    @Test
    void eachLineIsAnExtensionAndItsDigestSecret(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sip-accounts"),
                "# extension, md5(extension:callsim:password)\n201 5F4DCC3B5AA765D61D8327DEB882CF99\n\n202 0123456789abcdef0123456789abcdef\n");

        SipCredentials accounts = SipAccountsFile.load(file);

        assertThat(accounts.ha1("201")).contains("5f4dcc3b5aa765d61d8327deb882cf99");
        assertThat(accounts.ha1("202")).isPresent();
        assertThat(accounts.ha1("203")).isEmpty();
        assertThat(accounts.realm()).isEqualTo("callsim");
    }

    @Test
    void aMalformedLineIsNamedWithItsNumber(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sip-accounts"), "201 5f4dcc3b5aa765d61d8327deb882cf99\n202 hunter2\n");

        assertThatThrownBy(() -> SipAccountsFile.load(file)).hasMessageContaining("sip-accounts:2: expected 'EXTENSION HA1'");
    }
}
