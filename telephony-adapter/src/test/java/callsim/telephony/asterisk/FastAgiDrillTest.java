package callsim.telephony.asterisk;

import java.util.logging.Level;
import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeFastAgiClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A training call from Asterisk's side: what the FastAGI server sends, and what the handler is told. */
class FastAgiDrillTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FastAgiCalls handler = new FastAgiCalls();
    private final List<FakeFastAgiClient> channels = new ArrayList<>();
    private FastAgiServer server;
    private CapturedLog log;

    @BeforeEach
    void start() throws Exception {
        log = new CapturedLog("callsim.telephony.asterisk");
        server = FastAgiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler);
    }

    @AfterEach
    void stop() {
        channels.forEach(FakeFastAgiClient::close);
        server.close();
        log.close();
    }

    private FakeFastAgiClient.Builder channel(String script) {
        return FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/" + script).holdExec("AudioSocket");
    }

    private FakeFastAgiClient connect(FakeFastAgiClient.Builder builder) throws Exception {
        FakeFastAgiClient agi = builder.connect();
        channels.add(agi);
        return agi;
    }

    @Test
    void answersBooksTheDrillHandsTheCallToAudioSocketAndHangsUpWhenItReturns() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill?scenario=refund-rage").callerId("207", "Ann Agent"));

        await().atMost(WAIT).until(() -> agi.heldApplication() != null);
        String drill = handler.targets.get(0).uuid().toString();
        assertThat(agi.commandTexts()).containsExactly(
                "ANSWER",
                "SET VARIABLE CALLSIM_DRILL " + drill,
                "EXEC AudioSocket " + drill + ",127.0.0.1:9092");
        assertThat(agi.variables()).containsEntry("CALLSIM_DRILL", drill);

        agi.releaseExec(); // the drill is over: AudioSocket returns
        await().atMost(WAIT).until(agi::isClosedByServer);

        assertThat(agi.commandTexts()).containsExactly(
                "ANSWER",
                "SET VARIABLE CALLSIM_DRILL " + drill,
                "EXEC AudioSocket " + drill + ",127.0.0.1:9092",
                "HANGUP");
        assertThat(log.messagesAt(Level.INFO)).filteredOn(line -> line.startsWith("training call on"))
                .containsExactly("training call on PJSIP/201-00000001 from caller id 207: scenario refund-rage, drill " + drill);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void theHandlerIsToldWhoCalledAndWhichDrillWithDecodedParameters() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill?scenario=refund%20rage&difficulty=hard")
                .channel("PJSIP/agent7-0000002a").uniqueId("1712345678.42").callerId("207", "Ann Agent"));

        await().atMost(WAIT).until(() -> agi.heldApplication() != null);

        assertThat(handler.calls).singleElement().satisfies(call -> {
            assertThat(call.script()).isEqualTo("drill");
            assertThat(call.parameters()).containsOnly(
                    java.util.Map.entry("scenario", "refund rage"), java.util.Map.entry("difficulty", "hard"));
            assertThat(call.channel()).isEqualTo("PJSIP/agent7-0000002a");
            assertThat(call.uniqueId()).isEqualTo("1712345678.42");
            assertThat(call.callerIdNumber()).isEqualTo("207");
            assertThat(call.callerIdName()).isEqualTo("Ann Agent");
            assertThat(call.localAddress()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void withoutParametersTheHandlerGetsAnEmptyMap() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill").callerId("207", "Ann Agent"));

        await().atMost(WAIT).until(() -> agi.heldApplication() != null);

        assertThat(handler.calls).singleElement().satisfies(call -> assertThat(call.parameters()).isEmpty());
        assertThat(log.messagesAt(Level.INFO)).anyMatch(line -> line.contains("scenario (default)"));
    }

    @Test
    void aCallerWithoutCallerIdHasNone() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill?scenario=x")); // Asterisk sends "unknown" for both

        await().atMost(WAIT).until(() -> agi.heldApplication() != null);

        assertThat(agi.environment()).contains("agi_callerid: unknown\nagi_calleridname: unknown\n");
        assertThat(handler.calls).singleElement().satisfies(call -> {
            assertThat(call.callerIdNumber()).isNull();
            assertThat(call.callerIdName()).isNull();
        });
    }

    @Test
    void theCallerHangingUpDuringTheDrillEndsTheCallQuietly() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill?scenario=x").callerId("207", null));
        await().atMost(WAIT).until(() -> agi.heldApplication() != null);

        agi.hangUp(); // AudioSocket returns -1, Asterisk sends HANGUP, then refuses HANGUP with 511

        await().atMost(WAIT).until(agi::isClosedByServer);
        assertThat(agi.commands()).extracting(c -> c.name())
                .containsExactly("ANSWER", "SET VARIABLE", "EXEC", "HANGUP");
        assertThat(log.containing("hung up")).hasSize(1);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aHangupWithoutTheHangupLineIsStillQuiet() throws Exception {
        FakeFastAgiClient agi = connect(channel("drill?scenario=x").agiSigHup(false));
        await().atMost(WAIT).until(() -> agi.heldApplication() != null);

        agi.hangUp();

        await().atMost(WAIT).until(agi::isClosedByServer);
        assertThat(log.containing("hung up")).hasSize(1);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void servesSeveralCallsAtOnceEachWithItsOwnDrill() throws Exception {
        List<FakeFastAgiClient> agents = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            agents.add(connect(channel("drill?scenario=s" + i).channel("PJSIP/20" + i + "-0000000" + i)
                    .uniqueId("1700000000." + i).callerId("20" + i, "Agent " + i)));
        }

        // all five are in their drill at the same time
        await().atMost(WAIT).until(() -> agents.stream().allMatch(a -> a.heldApplication() != null));
        assertThat(new HashSet<>(handler.targets)).hasSize(5);
        for (FakeFastAgiClient agent : agents) {
            String drill = agent.variables().get("CALLSIM_DRILL");
            assertThat(agent.commandTexts()).last().isEqualTo("EXEC AudioSocket " + drill + ",127.0.0.1:9092");
        }

        agents.forEach(FakeFastAgiClient::releaseExec);
        await().atMost(WAIT).until(() -> agents.stream().allMatch(FakeFastAgiClient::isClosedByServer));
        assertThat(agents).allSatisfy(a -> assertThat(a.commandTexts()).last().isEqualTo("HANGUP"));
        assertThat(handler.calls).extracting(TrainingCall::callerIdNumber)
                .containsExactlyInAnyOrder("201", "202", "203", "204", "205");
    }
}
