package callsim.testkit.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Originate, Hangup and the channel events, with Asterisk 20's exact bytes. */
class FakeAmiServerCallTest {
    private static final String ORIGINATE = "Action: Originate\r\nActionID: o-1\r\nChannel: PJSIP/201\r\n"
            + "Application: AudioSocket\r\nData: 2f6c1a2e-0000-4000-8000-000000000001,127.0.0.1:9092\r\n"
            + "CallerID: \"Training caller\" <7000>\r\nTimeout: 30000\r\nAsync: true\r\n"
            + "Variable: CALLSIM_DRILL=d1\r\nVariable: CALLSIM_SCENARIO=refund\r\n\r\n";

    private FakeAmiServer server;
    private RawAmiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer("callsim", "s3cret").start();
        client = new RawAmiClient(server.port());
        client.login("callsim", "s3cret");
        client.readPacket(); // FullyBooted
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void asyncOriginateIsQueuedAndRecordedWithEveryVariable() throws Exception {
        client.send(ORIGINATE);

        assertThat(client.readPacket()).isEqualTo("Response: Success\r\nActionID: o-1\r\nMessage: Originate successfully queued\r\n\r\n");
        RecordedAction originate = server.awaitAction("Originate", Duration.ofSeconds(5));
        assertThat(originate.values("Variable")).containsExactly("CALLSIM_DRILL=d1", "CALLSIM_SCENARIO=refund");
        assertThat(originate.get("channel")).isEqualTo("PJSIP/201");
    }

    @Test
    void autoAnsweredOriginateReportsTheNewChannelWithTheSameActionId() throws Exception {
        server.autoAnswerOriginates();
        client.send(ORIGINATE);
        client.readPacket(); // queued

        assertThat(client.readPacket()).startsWith("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/201-00000001\r\n");
        assertThat(client.readPacket()).matches("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: o-1\r\n"
                + "Response: Success\r\nChannel: PJSIP/201-00000001\r\nApplication: AudioSocket\r\n"
                + "Data: 2f6c1a2e-0000-4000-8000-000000000001,127.0.0.1:9092\r\nReason: 4\r\nUniqueid: \\d+\\.1\r\n"
                + "CallerIDNum: 7000\r\nCallerIDName: Training caller\r\n\r\n");
    }

    @Test
    void busyPhoneGivesAFailedOriginateResponseNamingTheDevice() throws Exception {
        server.autoFailOriginates(5);
        client.send(ORIGINATE);
        client.readPacket();

        assertThat(client.readPacket()).contains("Response: Failure\r\nChannel: PJSIP/201\r\n", "Reason: 5\r\nUniqueid: <unknown>\r\n");
    }

    @Test
    void originateMistakesGetAsterisksErrors() throws Exception {
        client.send("Action: Originate\r\nActionID: a\r\nApplication: Playback\r\n\r\n");
        assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: a\r\nMessage: Channel not specified\r\n\r\n");
        client.send("Action: Originate\r\nActionID: b\r\nChannel: nonsense\r\nApplication: Playback\r\n\r\n");
        assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: b\r\nMessage: Invalid channel\r\n\r\n");
        server.refuseOriginates("Originate failed");
        client.send(ORIGINATE);
        assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: o-1\r\nMessage: Originate failed\r\n\r\n");
    }

    @Test
    void holdEventHasAsterisk20sFieldsInOrder() throws Exception {
        server.hold("PJSIP/201-00000001", "1732312345.1");

        assertThat(client.readPacket()).isEqualTo("Event: Hold\r\nPrivilege: call,all\r\nChannel: PJSIP/201-00000001\r\n"
                + "ChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: 201\r\nCallerIDName: <unknown>\r\n"
                + "ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\n"
                + "Context: default\r\nExten: s\r\nPriority: 1\r\nUniqueid: 1732312345.1\r\nLinkedid: 1732312345.1\r\n\r\n");
    }

    @Test
    void channelEventsCarryTheirOwnTrailingFields() throws Exception {
        server.dtmfEnd("PJSIP/201-00000001", "1.1", '5');
        server.musicOnHoldStart("PJSIP/201-00000001", "1.1");
        server.hangup("PJSIP/201-00000001", "1.1", 16);

        assertThat(client.readPacket()).startsWith("Event: DTMFEnd\r\nPrivilege: dtmf,all\r\n")
                .endsWith("Linkedid: 1.1\r\nDigit: 5\r\nDurationMs: 120\r\nDirection: Received\r\n\r\n");
        assertThat(client.readPacket()).startsWith("Event: MusicOnHoldStart\r\nPrivilege: call,all\r\n")
                .endsWith("Linkedid: 1.1\r\nClass: default\r\n\r\n");
        assertThat(client.readPacket()).endsWith("Linkedid: 1.1\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n");
    }

    @Test
    void eventMaskFromLoginFiltersEventsByPrivilege() throws Exception {
        try (RawAmiClient callOnly = new RawAmiClient(server.port())) {
            callOnly.readLine();
            callOnly.send("Action: Login\r\nUsername: callsim\r\nSecret: s3cret\r\nEvents: call\r\n\r\n");
            assertThat(callOnly.readPacket()).contains("Authentication accepted");

            server.dtmfEnd("PJSIP/201-00000001", "1.1", '5');
            server.unhold("PJSIP/201-00000001", "1.1");

            assertThat(callOnly.readPacket()).startsWith("Event: Unhold\r\n"); // the DTMFEnd never came
        }
    }

    @Test
    void hangupActionKnowsWhichChannelsExist() throws Exception {
        server.hold("PJSIP/201-00000001", "1.1");
        client.readPacket();

        client.send("Action: Hangup\r\nActionID: h1\r\nChannel: PJSIP/201-00000001\r\n\r\n");
        assertThat(client.readPacket()).isEqualTo("Response: Success\r\nActionID: h1\r\nMessage: Channel Hungup\r\n\r\n");
        client.send("Action: Hangup\r\nActionID: h2\r\nChannel: PJSIP/201-00000001\r\n\r\n");
        assertThat(client.readPacket()).isEqualTo("Response: Error\r\nActionID: h2\r\nMessage: No such channel\r\n\r\n");
    }

    @Test
    void coreShowVersionAnswersLikeTheCli() throws Exception {
        client.send("Action: Command\r\nActionID: v\r\nCommand: core show version\r\n\r\n");
        assertThat(client.readPacket()).startsWith("Response: Success\r\nActionID: v\r\nMessage: Command output follows\r\n"
                + "Output: Asterisk 20.5.2 built by ");
    }
}
