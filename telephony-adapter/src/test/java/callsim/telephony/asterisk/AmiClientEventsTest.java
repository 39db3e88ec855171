package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.AmiEvents;
import callsim.testkit.asterisk.ChannelSnapshot;
import callsim.testkit.asterisk.FakeAmiServer;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Asterisk 20 says about the agent's channel reaches the listener, with channel and unique id. */
class AmiClientEventsTest {
    private static final String CHANNEL = "PJSIP/201-0000002a";
    private static final String UNIQUE_ID = "1732312345.42";

    private final RecordingPbxListener listener = new RecordingPbxListener();
    private FakeAmiServer pbx;
    private AmiClient client;

    @BeforeEach
    void connect() throws Exception {
        pbx = new FakeAmiServer("callsim", "drill-secret").start();
        client = AmiClient.start(new AmiSettings("127.0.0.1", pbx.port(), "callsim", "drill-secret"), listener,
                new AmiClient.Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofSeconds(3));
        listener.events.clear();
    }

    @AfterEach
    void close() {
        client.close();
        pbx.close();
    }

    @Test
    void holdAndUnholdAndMusicOnHold() {
        pbx.hold(CHANNEL, UNIQUE_ID);
        pbx.musicOnHoldStart(CHANNEL, UNIQUE_ID);
        pbx.musicOnHoldStop(CHANNEL, UNIQUE_ID);
        pbx.unhold(CHANNEL, UNIQUE_ID);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.events).containsExactly(
                "hold " + CHANNEL + " " + UNIQUE_ID,
                "moh-start " + CHANNEL + " " + UNIQUE_ID,
                "moh-stop " + CHANNEL + " " + UNIQUE_ID,
                "unhold " + CHANNEL + " " + UNIQUE_ID));
    }

    @Test
    void holdWithAMusicClassIsStillAHold() {
        pbx.emit(AmiEvents.hold(ChannelSnapshot.up(CHANNEL, UNIQUE_ID), "calm"));

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.contains("hold " + CHANNEL + " " + UNIQUE_ID));
    }

    @Test
    void keysThePhonePressedButNotTonesAsteriskSent() {
        pbx.dtmfEnd(CHANNEL, UNIQUE_ID, '9', "Sent");
        pbx.dtmfEnd(CHANNEL, UNIQUE_ID, '#');
        pbx.dtmfEnd(CHANNEL, UNIQUE_ID, '4', "Sent");
        pbx.dtmfEnd(CHANNEL, UNIQUE_ID, '1');

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.events).containsExactly(
                "dtmf " + CHANNEL + " " + UNIQUE_ID + " #",
                "dtmf " + CHANNEL + " " + UNIQUE_ID + " 1"));
    }

    @Test
    void hangupCarriesCauseAndItsText() {
        pbx.hangup(CHANNEL, UNIQUE_ID, 16);
        pbx.hangup("PJSIP/202-0000002b", "1732312345.43", 17);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.events).containsExactly(
                "hangup " + CHANNEL + " " + UNIQUE_ID + " 16 Normal Clearing",
                "hangup PJSIP/202-0000002b 1732312345.43 17 User busy"));
    }

    @Test
    void otherEventsAreIgnoredQuietlyAndLaterOnesStillArrive() {
        try (CapturedLog logs = CapturedLog.everyLevel("callsim", "org.asteriskjava")) {
            pbx.emit(AmiEvents.newchannel(ChannelSnapshot.up(CHANNEL, UNIQUE_ID).withState(0)));
            pbx.emit(AmiEvents.event("CallsimNeverHeardOf", "call,all", "Channel", CHANNEL, "Uniqueid", UNIQUE_ID));
            pbx.emit(AmiEvents.event("VarSet", "dialplan,all", "Channel", CHANNEL, "Variable", "X", "Value", "1"));
            pbx.hold(CHANNEL, UNIQUE_ID);

            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.events.isEmpty());
            assertThat(listener.events).containsExactly("hold " + CHANNEL + " " + UNIQUE_ID);
            assertThat(logs.linesAtLeast(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void asterisk20EventFieldsAllFitAsteriskJavasEventClasses() {
        try (CapturedLog logs = CapturedLog.everyLevel("callsim", "org.asteriskjava")) {
            pbx.hold(CHANNEL, UNIQUE_ID);
            pbx.unhold(CHANNEL, UNIQUE_ID);
            pbx.musicOnHoldStart(CHANNEL, UNIQUE_ID);
            pbx.musicOnHoldStop(CHANNEL, UNIQUE_ID);
            pbx.dtmfEnd(CHANNEL, UNIQUE_ID, '5');
            pbx.hangup(CHANNEL, UNIQUE_ID, 16);

            await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 6);
            // "Unable to set property ... no setter" would mean a field Asterisk 20 sends went unread
            assertThat(logs.linesAtLeast(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void aThrowingListenerDoesNotStopLaterEvents() throws Exception {
        client.close();
        RecordingPbxListener recorder = new RecordingPbxListener();
        PbxEventListener throwing = new PbxEventListener() {
            @Override
            public void onHold(String channel, String uniqueId) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onUnhold(String channel, String uniqueId) {
                recorder.onUnhold(channel, uniqueId);
            }
        };
        client = AmiClient.start(new AmiSettings("127.0.0.1", pbx.port(), "callsim", "drill-secret"), throwing,
                AmiClient.Backoff.standard(), Duration.ofSeconds(3));

        pbx.hold(CHANNEL, UNIQUE_ID);
        pbx.unhold(CHANNEL, UNIQUE_ID);

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.events.contains("unhold " + CHANNEL + " " + UNIQUE_ID));
        assertThat(client.isConnected()).isTrue();
    }
}
