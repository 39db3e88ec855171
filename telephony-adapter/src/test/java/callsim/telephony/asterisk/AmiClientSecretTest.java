package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeAmiServer;
import callsim.testkit.asterisk.RecordedAction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AMI secret shows up nowhere: no log record at any level, no exception, not even on the wire. */
class AmiClientSecretTest {
    private static final String SECRET = "Pa55-never-print-me";

    @Test
    void secretAppearsInNoLogRecordExceptionOrPacket() throws Exception {
        RecordingPbxListener listener = new RecordingPbxListener();
        AmiClient.Backoff fast = new AmiClient.Backoff(Duration.ofMillis(30), Duration.ofMillis(60));
        try (CapturedLog logs = CapturedLog.everyLevel("callsim", "org.asteriskjava");
             FakeAmiServer pbx = new FakeAmiServer("callsim", SECRET).setAuthFailureDelay(Duration.ofMillis(20)).start()) {
            AmiSettings good = new AmiSettings("127.0.0.1", pbx.port(), "callsim", SECRET);

            // a refused login: the secret the user typed (wrong here) must not leak either
            Throwable refused = catchThrowable(() -> AmiClient.start(
                    new AmiSettings("127.0.0.1", pbx.port(), "callsim", SECRET + "-typo"), listener, fast, Duration.ofSeconds(3)));
            assertThat(refused).isInstanceOf(AmiLoginException.class);

            try (AmiClient client = AmiClient.start(good, listener, fast, Duration.ofSeconds(3))) {
                pbx.autoAnswerOriginates();
                client.originate(new OriginateRequest("PJSIP/201", "AudioSocket", "x,127.0.0.1:9092", "<7000>",
                        Duration.ofSeconds(5), Map.of()));
                pbx.dropConnections(); // reconnect logs
                await().atMost(Duration.ofSeconds(5)).until(() -> listener.connects.get() == 2);
                pbx.refuseOriginates("Originate failed");
                Throwable failed = catchThrowable(() -> client.originate(new OriginateRequest("PJSIP/201", "AudioSocket",
                        "x", "<7000>", Duration.ofSeconds(5), Map.of())));
                assertThat(failed).isInstanceOf(AmiUnavailableException.class);
                assertThat(failed.getMessage()).doesNotContain(SECRET);
            }

            assertThat(logs.lines()).as("debug logging was on, so there is plenty to look through").hasSizeGreaterThan(20);
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(SECRET));
            assertThat(refused.getMessage()).doesNotContain(SECRET);
            assertThat(good.toString()).doesNotContain(SECRET);
            assertThat(pbx.actions()).extracting(RecordedAction::raw).noneSatisfy(raw -> assertThat(raw).contains(SECRET));
        }
    }
}
