package callsim.telephony.asterisk;

import callsim.telephony.CapturedLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import callsim.testkit.asterisk.FakeFastAgiClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests the training extension cannot serve: Asterisk is told why and the call is hung up. */
class FastAgiRefusalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<FakeFastAgiClient> channels = new ArrayList<>();
    private final CapturedLog log = new CapturedLog("callsim.telephony.asterisk");
    private FastAgiServer server;

    @AfterEach
    void stop() {
        channels.forEach(FakeFastAgiClient::close);
        if (server != null) {
            server.close();
        }
        log.close();
    }

    private void start(TrainingCallHandler handler) throws Exception {
        server = FastAgiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler);
    }

    /** Connects a channel and waits until the server is done with it. */
    private FakeFastAgiClient call(FakeFastAgiClient.Builder builder) throws Exception {
        FakeFastAgiClient agi = builder.connect();
        channels.add(agi);
        await().atMost(WAIT).until(agi::isClosedByServer);
        return agi;
    }

    private FakeFastAgiClient.Builder channel(String script) {
        return FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/" + script).holdExec("AudioSocket");
    }

    @Test
    void aRefusedRequestIsExplainedToAsteriskAndHungUpAndTheNextCallIsStillServed() throws Exception {
        start(FastAgiCalls.onlyScenario("refund-rage"));

        FakeFastAgiClient refused = call(channel("drill?scenario=nope").channel("PJSIP/207-00000007").callerId("207", "Ann"));

        assertThat(refused.commandTexts()).containsExactly("ANSWER", "VERBOSE callsim: unknown scenario \"nope\" 1", "HANGUP");
        assertThat(refused.commands().get(1).arguments()).containsExactly("callsim: unknown scenario \"nope\"", "1");
        assertThat(log.warnings()).singleElement().asString()
                .contains("PJSIP/207-00000007").contains("207").contains("unknown scenario \"nope\"");

        FakeFastAgiClient next = channel("drill?scenario=refund-rage").connect();
        channels.add(next);
        await().atMost(WAIT).until(() -> next.heldApplication() != null);
        assertThat(next.commands()).extracting(c -> c.name()).containsExactly("ANSWER", "SET VARIABLE", "EXEC");
    }

    @Test
    void anUnknownScriptIsRefusedWithoutAnsweringOrAskingTheHandler() throws Exception {
        FastAgiCalls handler = new FastAgiCalls();
        start(handler);

        FakeFastAgiClient agi = call(channel("voicemail?box=1"));

        assertThat(agi.commands()).extracting(c -> c.name()).containsExactly("VERBOSE", "HANGUP");
        assertThat(agi.commands().get(0).arguments().get(0))
                .startsWith("callsim: no FastAGI script \"voicemail\" here")
                .contains("agi://HOST:PORT/drill");
        assertThat(handler.calls).isEmpty();
        assertThat(log.warnings()).singleElement().asString().contains("\"voicemail\"");
    }

    @Test
    void aUrlWithoutScriptIsRefusedToo() throws Exception {
        start(new FastAgiCalls());

        FakeFastAgiClient agi = call(FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port()));

        assertThat(agi.commands()).extracting(c -> c.name()).containsExactly("VERBOSE", "HANGUP");
    }

    @Test
    void aMalformedQueryIsRefusedWithTheReason() throws Exception {
        FastAgiCalls handler = new FastAgiCalls();
        start(handler);

        FakeFastAgiClient agi = call(channel("drill?scenario=%zz"));

        assertThat(agi.commands()).extracting(c -> c.name()).containsExactly("ANSWER", "VERBOSE", "HANGUP");
        assertThat(agi.commands().get(1).arguments().get(0)).contains("malformed escape").contains("scenario=%zz");
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void aFailingHandlerIsAnInternalErrorNotTheEndOfTheServer() throws Exception {
        start(new FastAgiCalls(call -> {
            throw new IllegalStateException("scenario store offline");
        }));

        FakeFastAgiClient agi = call(channel("drill?scenario=x"));

        assertThat(agi.commandTexts()).containsExactly("ANSWER", "VERBOSE callsim: internal error, see the callsim log 1", "HANGUP");
        assertThat(log.warnings()).singleElement().asString().contains("training call handler failed for PJSIP/201-00000001");
        FakeFastAgiClient next = call(channel("voicemail"));
        assertThat(next.commandTexts()).last().isEqualTo("HANGUP");
    }

    @Test
    void anAsteriskWithoutAudioSocketIsReported() throws Exception {
        start(new FastAgiCalls());

        FakeFastAgiClient agi = call(FakeFastAgiClient.builder("agi://127.0.0.1:" + server.port() + "/drill")
                .reply("EXEC", "200 result=-2")); // res_agi's answer when the application does not exist

        assertThat(agi.commands()).extracting(c -> c.name()).containsExactly("ANSWER", "SET VARIABLE", "EXEC", "HANGUP");
        assertThat(log.warnings()).singleElement().asString().contains("no AudioSocket application");
    }

    @Test
    void aCallerWhoHangsUpWhileTheDrillIsBookedEndsQuietly() throws Exception {
        CountDownLatch booking = new CountDownLatch(1);
        FastAgiCalls handler = new FastAgiCalls(call -> {
            awaitQuietly(booking);
            return new AudioSocketTarget(UUID.randomUUID(), "127.0.0.1", 9092);
        });
        start(handler);
        FakeFastAgiClient agi = channel("drill?scenario=x").connect();
        channels.add(agi);
        await().atMost(WAIT).until(() -> !handler.calls.isEmpty());

        agi.hangUp(); // Asterisk sends HANGUP at once; SET VARIABLE and EXEC still run on a dead channel, HANGUP gets 511
        await().atMost(WAIT).until(agi::isHungUp);
        booking.countDown();

        await().atMost(WAIT).until(agi::isClosedByServer);
        assertThat(agi.commands()).extracting(c -> c.name()).containsExactly("ANSWER", "SET VARIABLE", "EXEC", "HANGUP");
        assertThat(log.containing("hung up")).hasSize(1);
        assertThat(log.warnings()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
