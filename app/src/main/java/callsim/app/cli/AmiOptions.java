package callsim.app.cli;

import callsim.telephony.asterisk.AmiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --ami HOST[:PORT] --ami-user USER}. The secret is never a flag (it would show in {@code ps}
 * and shell history): it comes from $CALLSIM_AMI_SECRET or the file named by {@code --ami-secret-file}.
 */
final class AmiOptions {
    static final String SECRET_VARIABLE = "CALLSIM_AMI_SECRET";

    @Option(names = "--ami", paramLabel = "HOST[:PORT]",
            description = "Asterisk manager interface to log in to, for drills to agents' phones and PBX hold events (port default 5038; IPv6 as [ADDR]:PORT).")
    String ami;

    @Option(names = "--ami-user", paramLabel = "USER", defaultValue = "callsim",
            description = "AMI user from manager.conf (default: ${DEFAULT-VALUE}); its secret comes from $" + SECRET_VARIABLE + " or --ami-secret-file.")
    String user;

    @Option(names = "--ami-secret-file", paramLabel = "FILE", description = "File holding the AMI secret (first line), readable by callsim only.")
    Path secretFile;

    Optional<AmiSettings> settings() {
        return settings(System.getenv());
    }

    Optional<AmiSettings> settings(Map<String, String> environment) {
        if (ami == null) return Optional.empty();
        String host = ami;
        String portText = null;
        if (ami.startsWith("[")) {  // [fd00::5]:5038, the usual way to give an IPv6 host a port
            int close = ami.indexOf(']');
            String rest = close < 0 ? "" : ami.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw new IllegalArgumentException("--ami: expected [IPV6]:PORT, got '" + ami + "'");
            }
            host = ami.substring(1, close);
            if (!rest.isEmpty()) portText = rest.substring(1);
        } else {
            int colon = ami.indexOf(':');
            if (colon >= 0 && ami.lastIndexOf(':') == colon) {  // one colon: HOST:PORT; more is a bare IPv6 address
                host = ami.substring(0, colon);
                portText = ami.substring(colon + 1);
            }
        }
        int port = AmiSettings.DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ami: port must be a number, got '" + portText + "'");
            }
        }
        return Optional.of(new AmiSettings(host, port, user, secret(environment)));
    }

    private String secret(Map<String, String> environment) {
        if (secretFile != null) {
            try {
                String text = Files.readAllLines(secretFile).stream().findFirst().orElse("").trim();
                if (text.isEmpty()) throw new IllegalArgumentException("--ami-secret-file " + secretFile + " is empty");
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --ami-secret-file " + secretFile + ": " + e.getMessage(), e);
            }
        }
        String fromEnvironment = environment.get(SECRET_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalArgumentException("--ami needs the AMI secret: set $" + SECRET_VARIABLE + " or use --ami-secret-file FILE");
        }
        return fromEnvironment;
    }
}
