package callsim.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeAmiServer;
import callsim.testkit.asterisk.RecordedAction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ringing the agent's phone with an async Originate, and hanging channels up. */
class AmiClientOriginateTest {
    private static final OriginateRequest RING_201 = new OriginateRequest("PJSIP/201", "AudioSocket",
            "2f6c1a2e-0000-4000-8000-000000000001,127.0.0.1:9092", "\"Training caller\" <7000>",
            Duration.ofSeconds(30), Map.of("CALLSIM_SCENARIO", "refund", "CALLSIM_DRILL", "d-17"));

    private final RecordingPbxListener listener = new RecordingPbxListener();
    private FakeAmiServer pbx;
    private AmiClient client;

    @BeforeEach
    void connect() throws Exception {
        pbx = new FakeAmiServer("callsim", "drill-secret").start();
        client = AmiClient.start(new AmiSettings("127.0.0.1", pbx.port(), "callsim", "drill-secret"), listener,
                new AmiClient.Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofSeconds(3));
    }

    @AfterEach
    void close() {
        client.close();
        pbx.close();
    }

    @Test
    void sendsExactlyTheOriginateAsteriskNeeds() throws Exception {
        String actionId = client.originate(RING_201);

        RecordedAction originate = pbx.awaitAction("Originate", Duration.ofSeconds(5));
        assertThat(originate.headerMap()).containsOnlyKeys("action", "actionid", "channel", "application", "data",
                "callerid", "timeout", "async", "variable");
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/201");
        assertThat(originate.get("Application")).isEqualTo("AudioSocket");
        assertThat(originate.get("Data")).isEqualTo("2f6c1a2e-0000-4000-8000-000000000001,127.0.0.1:9092");
        assertThat(originate.get("CallerID")).isEqualTo("\"Training caller\" <7000>");
        assertThat(originate.get("Timeout")).isEqualTo("30000");
        assertThat(originate.get("Async")).isEqualTo("true");
        assertThat(originate.values("Variable")).containsExactly("CALLSIM_DRILL=d-17", "CALLSIM_SCENARIO=refund");
        // Asterisk-Java prefixes its own id; Asterisk echoes the whole thing back
        assertThat(originate.actionId()).endsWith("#" + actionId);
        assertThat(actionId).doesNotContain("#");
    }

    @Test
    void answeredOriginateIsReportedUnderTheReturnedActionId() throws Exception {
        pbx.autoAnswerOriginates();

        String actionId = client.originate(RING_201);

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.originateResults.isEmpty());
        OriginateResult result = listener.originateResults.get(0);
        assertThat(result.actionId()).isEqualTo(actionId);
        assertThat(result.success()).isTrue();
        assertThat(result.channel()).isEqualTo("PJSIP/201-00000001");
        assertThat(result.uniqueId()).matches("\\d+\\.1");
        assertThat(result.reason()).isEqualTo(4);
    }

    @Test
    void twoOriginatesAreTellApartAndABusyPhoneIsAFailure() throws Exception {
        String first = client.originate(RING_201);
        String second = client.originate(RING_201);
        pbx.originateResponse(pbx.awaitActions("Originate", 2, Duration.ofSeconds(5)).get(1).actionId(),
                false, "PJSIP/201", null, 5);
        pbx.originateResponse(pbx.actions("Originate").get(0).actionId(), true, "PJSIP/201-00000007", "1.7", 4);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.originateResults.size() == 2);
        assertThat(listener.originateResults.get(0)).isEqualTo(new OriginateResult(second, false, "PJSIP/201", null, 5));
        assertThat(listener.originateResults.get(1)).isEqualTo(new OriginateResult(first, true, "PJSIP/201-00000007", "1.7", 4));
    }

    @Test
    void originateResponsesForOtherManagerClientsAreIgnored() throws Exception {
        pbx.originateResponse("someone-elses-id", true, "PJSIP/300-00000001", "1.1", 4);
        pbx.originateResponse("77_3#also-not-ours", true, "PJSIP/300-00000002", "1.2", 4);
        pbx.hold("PJSIP/300-00000001", "1.1"); // a marker that the two above were read

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.events.isEmpty() && listener.events.get(listener.events.size() - 1).startsWith("hold"));
        assertThat(listener.originateResults).isEmpty();
    }

    @Test
    void asteriskRefusingTheOriginateSaysWhy() {
        pbx.refuseOriginates("Originate Access Forbidden: app or data blacklisted");

        assertThatThrownBy(() -> client.originate(RING_201))
                .isInstanceOf(AmiUnavailableException.class)
                .hasMessageContaining("PJSIP/201")
                .hasMessageContaining("Originate Access Forbidden: app or data blacklisted");
    }

    @Test
    void originateWhileDisconnectedFailsAtOnce() {
        pbx.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.originate(RING_201))
                .isInstanceOf(AmiUnavailableException.class)
                .hasMessageContaining("AMI not connected to callsim@127.0.0.1:" + pbx.port());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void hangupAsksAsteriskToHangUpTheChannel() {
        pbx.autoAnswerOriginates();

        client.hangup("PJSIP/201-00000009");

        RecordedAction hangup = pbx.awaitAction("Hangup", Duration.ofSeconds(5));
        assertThat(hangup.get("Channel")).isEqualTo("PJSIP/201-00000009");
    }

    @Test
    void hangupWhileDisconnectedIsANoOp() {
        pbx.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());

        client.hangup("PJSIP/201-00000009");

        assertThat(pbx.actions("Hangup")).isEmpty();
    }
}
