package callsim.app.cli;

import callsim.telephony.SipCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code serve --sip-accounts FILE}: one SIP account per line, {@code EXTENSION HA1}, where HA1 is the hex
 * md5 of {@code EXTENSION:callsim:PASSWORD} ({@code printf '201:callsim:PASSWORD' | md5sum}); {@code #}
 * starts a comment. No password is stored, and the file is read once, at start.
 */
final class SipAccountsFile {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9._+-]{1,64})\\s+([0-9a-fA-F]{32})");

    private SipAccountsFile() {}

    /** @throws IllegalArgumentException naming the file and line of a malformed entry */
    static SipCredentials load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--sip-accounts: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> accounts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            var matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'EXTENSION HA1' (HA1: 32 hex digits of"
                        + " md5 of EXTENSION:" + SipCredentials.DEFAULT_REALM + ":PASSWORD)");
            }
            if (accounts.put(matcher.group(1), matcher.group(2).toLowerCase(java.util.Locale.ROOT)) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": extension " + matcher.group(1) + " listed twice");
            }
        }
        if (accounts.isEmpty()) throw new IllegalArgumentException(file + ": no SIP accounts in it");
        Map<String, String> frozen = Map.copyOf(accounts);
        return user -> Optional.ofNullable(frozen.get(user));
    }
}
