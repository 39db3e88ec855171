package callsim.testkit.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeFastAgiClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private ScriptEnd server;
    private FakeFastAgiClient agi;

    @BeforeEach
    void listen() throws IOException {
        server = new ScriptEnd();
    }

    @AfterEach
    void stop() throws IOException {
        if (agi != null) {
            agi.close();
        }
        server.close();
    }

    private void connect(FakeFastAgiClient.Builder builder) throws IOException {
        agi = builder.connect();
        server.accept();
    }

    @Test
    void sendsTheEnvironmentInAsterisksOrderAndSpelling() throws IOException {
        String url = server.url("drill?scenario=refund%20rage&difficulty=hard");
        connect(FakeFastAgiClient.builder(url)
                .channel("PJSIP/agent7-0000002a").uniqueId("1712345678.42").callerId("207", "Ann Agent")
                .arguments("first", "second"));

        String expected = "agi_network: yes\n"
                + "agi_network_script: drill?scenario=refund%20rage&difficulty=hard\n"
                + "agi_request: " + url + "\n"
                + "agi_channel: PJSIP/agent7-0000002a\n"
                + "agi_language: en\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: 1712345678.42\n"
                + "agi_version: 20.5.0\n"
                + "agi_callerid: 207\n"
                + "agi_calleridname: Ann Agent\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: 7100\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: training\n"
                + "agi_extension: 7100\n"
                + "agi_priority: 2\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140245812979456\n"
                + "agi_arg_1: first\n"
                + "agi_arg_2: second\n"
                + "\n";
        assertThat(server.readEnvironment()).isEqualTo(expected);
        assertThat(agi.environment()).isEqualTo(expected);
    }

    @Test
    void aUrlWithoutScriptSendsNoScriptLineAndMissingCallerIdIsUnknown() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("")).callerId("", null));

        String env = server.readEnvironment();

        assertThat(env).startsWith("agi_network: yes\nagi_request: agi://127.0.0.1:")
                .contains("\nagi_callerid: unknown\nagi_calleridname: unknown\n")
                .doesNotContain("agi_network_script").doesNotContain("agi_arg_");
    }

    @Test
    void answersCommandsAsAsteriskDoesAndRecordsThem() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();

        assertThat(server.command("ANSWER")).isEqualTo("200 result=0");
        assertThat(server.command("SET VARIABLE \"CALLSIM_DRILL\" \"a b\\\"c\"")).isEqualTo("200 result=1");
        assertThat(server.command("GET VARIABLE CALLSIM_DRILL")).isEqualTo("200 result=1 (a b\"c)");
        assertThat(server.command("VERBOSE \"callsim: hello\" 1")).isEqualTo("200 result=1");
        assertThat(server.command("EXEC \"Playback\" \"beep\"")).isEqualTo("200 result=0");
        assertThat(server.command("FROBNICATE now")).isEqualTo("510 Invalid or unknown command");

        assertThat(agi.commandTexts()).containsExactly("ANSWER", "SET VARIABLE CALLSIM_DRILL a b\"c",
                "GET VARIABLE CALLSIM_DRILL", "VERBOSE callsim: hello 1", "EXEC Playback beep", "FROBNICATE now");
        assertThat(agi.commands().get(1).line()).isEqualTo("SET VARIABLE \"CALLSIM_DRILL\" \"a b\\\"c\"");
        assertThat(agi.commands().get(1).arguments()).containsExactly("CALLSIM_DRILL", "a b\"c");
        assertThat(agi.commands().get(5).known()).isFalse();
        assertThat(agi.variables()).containsEntry("CALLSIM_DRILL", "a b\"c");
    }

    @Test
    void wrongSyntaxGetsTheMultiLineUsageReply() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();

        assertThat(server.command("EXEC")).isEqualTo("520-Invalid command syntax.  Proper usage follows:");
        assertThat(server.readLine()).isEqualTo("Usage: EXEC <application> <options>");
        assertThat(server.readLine()).isEqualTo("520 End of proper usage.");
        assertThat(server.command("NOOP")).isEqualTo("200 result=0");
    }

    @Test
    void aCarriageReturnIsPartOfTheCommandAsInAsterisk() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();

        assertThat(server.command("ANSWER\r")).isEqualTo("510 Invalid or unknown command");
    }

    @Test
    void afterTheScriptsHangupTheChannelIsDead() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();

        assertThat(server.command("HANGUP")).isEqualTo("200 result=1");
        assertThat(server.readLine()).isEqualTo("HANGUP");
        assertThat(server.command("ANSWER")).isEqualTo(DEAD);
        assertThat(server.command("SET VARIABLE \"AFTER\" \"1\"")).isEqualTo("200 result=1"); // allowed when dead
        assertThat(agi.isHungUp()).isTrue();
    }

    @Test
    void hangupOfAnotherChannelLeavesThisOneUp() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")).channel("PJSIP/201-00000001"));
        server.readEnvironment();

        assertThat(server.command("HANGUP \"PJSIP/999-00000009\"")).isEqualTo("200 result=-1");
        assertThat(server.command("HANGUP \"PJSIP/201-00000001\"")).isEqualTo("200 result=1");
        assertThat(server.readLine()).isEqualTo("HANGUP");
    }

    @Test
    void aHeldExecRepliesOnlyWhenReleased() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")).holdExec("AudioSocket"));
        server.readEnvironment();

        server.send("EXEC \"AudioSocket\" \"0f8fad5b-d9cb-469f-a165-70867728950e,127.0.0.1:9092\"\n");
        agi.awaitExecHeld(WAIT);
        assertThat(agi.heldApplication()).isEqualTo("AudioSocket");
        assertThat(agi.awaitCommand("exec", WAIT).arguments())
                .containsExactly("AudioSocket", "0f8fad5b-d9cb-469f-a165-70867728950e,127.0.0.1:9092");

        agi.releaseExec();

        assertThat(server.readLine()).isEqualTo("200 result=0");
        assertThat(agi.heldApplication()).isNull();
        assertThat(server.command("HANGUP")).isEqualTo("200 result=1");
    }

    @Test
    void theCallerHangingUpDuringAHeldExecEndsItWithMinusOneThenHangupThen511() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")).holdExec("audiosocket"));
        server.readEnvironment();
        server.send("EXEC AudioSocket x,127.0.0.1:9092\n");
        agi.awaitExecHeld(WAIT);

        agi.hangUp();

        assertThat(server.readLine()).isEqualTo("200 result=-1");
        assertThat(server.readLine()).isEqualTo("HANGUP");
        assertThat(server.command("HANGUP")).isEqualTo(DEAD);
        assertThat(server.command("EXEC AudioSocket x,127.0.0.1:9092")).isEqualTo("200 result=-1");
    }

    @Test
    void theCallerHangingUpBetweenCommandsSendsHangupAtOnce() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();
        assertThat(server.command("ANSWER")).isEqualTo("200 result=0");

        agi.hangUp();

        assertThat(server.readLine()).isEqualTo("HANGUP");
        assertThat(server.command("ANSWER")).isEqualTo(DEAD);
    }

    @Test
    void withAgiSigHupOffAHangupIsOnlyNoticedBy511() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")).agiSigHup(false));
        server.readEnvironment();

        agi.hangUp();

        assertThat(server.command("ANSWER")).isEqualTo(DEAD);
    }

    @Test
    void replyOverridesReplaceTheDefaultAnswer() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill"))
                .reply("exec", "200 result=-2").reply("ANSWER", "200 result=-1"));
        server.readEnvironment();

        assertThat(server.command("ANSWER")).isEqualTo("200 result=-1");
        assertThat(server.command("EXEC AudioSocket x,127.0.0.1:9092")).isEqualTo("200 result=-2");
    }

    @Test
    void releasingWithoutAHeldExecIsAMistake() throws IOException {
        connect(FakeFastAgiClient.builder(server.url("drill")));

        assertThatThrownBy(agi::releaseExec).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no EXEC is being held");
    }

    @Test
    void noticesTheServerClosingAndCloseStopsItsThread() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")).channel("PJSIP/closing-1"));
        server.readEnvironment();

        server.closeConnection();
        agi.awaitClosedByServer(WAIT);
        agi.close();

        assertThat(agi.isClosedByServer()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("fake-fastagi-PJSIP/closing-1") && t.isAlive());
    }

    @Test
    void awaitingSomethingThatNeverComesFailsWithWhatWasReceived() throws Exception {
        connect(FakeFastAgiClient.builder(server.url("drill")));
        server.readEnvironment();
        server.command("ANSWER");

        assertThatThrownBy(() -> agi.awaitCommand("EXEC", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no EXEC").hasMessageContaining("[ANSWER]");
    }

    @Test
    void rejectsAUrlThatIsNotFastAgi() {
        assertThatThrownBy(() -> FakeFastAgiClient.builder("http://127.0.0.1/drill"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agi://host[:port][/script]");
    }
}
