package callsim.testkit.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session start as Asterisk 20 does it: banner, Challenge/MD5 and plain logins, errors, Logoff. */
class FakeAmiServerLoginTest {
    private FakeAmiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer("callsim", "s3cret").setAuthFailureDelay(Duration.ofMillis(50)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void greetsWithTheAsterisk20Banner() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            assertThat(client.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
        }
    }

    @Test
    void plainLoginIsAcceptedThenFullyBootedFollows() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            assertThat(client.login("callsim", "s3cret"))
                    .isEqualTo("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(client.readPacket())
                    .matches("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: \\d+\r\nLastReload: \\d+\r\n"
                            + "Status: Fully Booted\r\n\r\n");
        }
        server.awaitLogins(1, Duration.ofSeconds(5));
    }

    @Test
    void challengeThenMd5KeyLogsIn() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.readLine();
            client.send("Action: Challenge\r\nActionID: c1\r\nAuthType: MD5\r\n\r\n");
            String challengePacket = client.readPacket();
            assertThat(challengePacket).matches("Response: Success\r\nActionID: c1\r\nChallenge: \\d+\r\n\r\n");
            String challenge = challengePacket.split("Challenge: ")[1].split("\r\n")[0];
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((challenge + "s3cret").getBytes(StandardCharsets.UTF_8)));

            client.send("Action: Login\r\nActionID: l1\r\nUsername: callsim\r\nAuthType: MD5\r\nKey: " + key + "\r\n\r\n");

            assertThat(client.readPacket()).isEqualTo("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    @Test
    void wrongSecretIsRefusedAndTheConnectionClosed() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            assertThat(client.login("callsim", "wrong"))
                    .isEqualTo("Response: Error\r\nActionID: login-1\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(server.failedLogins()).isEqualTo(1);
        assertThat(server.logins()).isZero();
    }

    @Test
    void wrongMd5KeyIsRefused() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.readLine();
            client.send("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            client.readPacket();
            client.send("Action: Login\r\nUsername: callsim\r\nAuthType: MD5\r\nKey: 00000000000000000000000000000000\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    @Test
    void actionsBeforeLoginArePermissionDenied() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.readLine();
            client.send("Action: Ping\r\nActionID: p1\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: p1\r\nMessage: Permission denied\r\n\r\n");
        }
    }

    @Test
    void unknownActionIsAnErrorEchoingTheActionId() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
            client.readPacket(); // FullyBooted
            client.send("Action: Frobnicate\r\nActionID: x-9\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: x-9\r\nMessage: Invalid/unknown command\r\n\r\n");
        }
    }

    @Test
    void headerNamesAreCaseInsensitiveLikeAsteriskJavasLowerCaseOnes() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
            client.readPacket();
            client.send("action: Ping\r\nactionid: 123_4#mine\r\n\r\n");
            assertThat(client.readPacket()).matches("Response: Success\r\nActionID: 123_4#mine\r\nPing: Pong\r\n"
                    + "Timestamp: \\d+\\.\\d{6}\r\n\r\n");
        }
        assertThat(server.awaitAction("Ping", Duration.ofSeconds(5)).headerMap())
                .containsEntry("actionid", "123_4#mine");
    }

    @Test
    void coreSettingsReportsTheAsteriskVersionInAsterisk20sFieldOrder() throws Exception {
        server.setAsteriskVersion("20.7.0");
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
            client.readPacket();
            client.send("Action: CoreSettings\r\nActionID: cs\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Success\r\nActionID: cs\r\nAMIversion: 9.0.0\r\n"
                    + "AsteriskVersion: 20.7.0\r\nSystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\n"
                    + "CoreRunUser: asterisk\r\nCoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\n"
                    + "CoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\n"
                    + "SoundsSearchCustomDir: No\r\n\r\n");
        }
    }

    @Test
    void writePermissionsAreEnforcedPerAction() throws Exception {
        server.setPermissions("call,dtmf", "originate,call");
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret"); // no FullyBooted: the user may not read system events
            client.send("Action: CoreSettings\r\nActionID: cs\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: cs\r\nMessage: Permission denied\r\n\r\n");
            client.send("Action: Command\r\nActionID: v\r\nCommand: core show version\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: v\r\nMessage: Permission denied\r\n\r\n");
        }
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
            client.readPacket();
            client.send("Action: Logoff\r\nActionID: bye\r\n\r\n");
            assertThat(client.readPacket()).isEqualTo("Response: Goodbye\r\nActionID: bye\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void recordsEveryActionWithHeadersInOrderAndRawText() throws Exception {
        try (RawAmiClient client = new RawAmiClient(server.port())) {
            client.login("callsim", "s3cret");
        }
        RecordedAction login = server.awaitAction("Login", Duration.ofSeconds(5));
        assertThat(login.headers()).extracting(AmiHeader::name).containsExactly("Action", "ActionID", "Username", "Secret");
        assertThat(login.raw()).isEqualTo("Action: Login\r\nActionID: login-1\r\nUsername: callsim\r\nSecret: s3cret\r\n\r\n");
        assertThat(login.session()).isEqualTo(1);
    }
}
