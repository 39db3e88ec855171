package callsim.app.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import callsim.speech.SpeakerProfile;
import org.junit.jupiter.api.Test;

class AgentVoicesTest {
    @Test
    void aReturningAgentIsHeardWithWhatTheirEarlierDrillsTaughtTheRecognisers() {
        AgentVoices voices = new AgentVoices();
        SpeakerProfile firstDrill = voices.of("sip:201@127.0.0.1");
        assertSame(firstDrill, voices.of("sip:201@127.0.0.1"), "the same agent's next drill");
        assertNotSame(firstDrill, voices.of("sip:202@127.0.0.1"), "another agent never gets 201's voice");
    }

    @Test
    void callersTheLineCannotNameNeverShareAVoice() {
        AgentVoices voices = new AgentVoices();
        for (String nobody : new String[] {"", "unknown", "sip:anonymous@anonymous.invalid"}) {
            assertNotSame(voices.of(nobody), voices.of(nobody), "'" + nobody + "' is not one person");
        }
        assertNotSame(voices.of(null), voices.of(null));
    }

    @Test
    void theAgentsHeardLeastRecentlyAreForgottenFirst() {
        AgentVoices voices = new AgentVoices(2);
        SpeakerProfile a = voices.of("a");
        SpeakerProfile b = voices.of("b");
        voices.of("a");                     // a is heard again: b is now the oldest
        voices.of("c");                     // one too many: b goes
        assertSame(a, voices.of("a"));
        assertNotSame(b, voices.of("b"));
    }
}
