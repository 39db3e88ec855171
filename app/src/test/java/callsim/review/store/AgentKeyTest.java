package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentKeyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Alice Smith <201>|201",
            "  Alice Smith <201>  |201",
            "Alice <sip:201@10.0.0.5>|201",
            "PJSIP/201|201",
            "PJSIP/201-0000001|201",
            "SIP/alice-00a1|alice",
            "Local/201@from-internal-0001;1|201",
            "sip:201@10.0.0.5|201",
            "sip:201@127.0.0.1:5062;transport=udp|201",
            "SIPS:202@pbx.example|202",
            "201|201",
            "+4930123|+4930123",
    })
    void findsTheExtension(String agent, String key) {
        assertThat(AgentKey.of(agent)).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Alice Smith", "audiosocket:127.0.0.1:40000", "Alice <>", "sip:10.0.0.5", "PJSIP/"})
    void isAbsentWhenTheLineNamedNoExtension(String agent) {
        assertThat(AgentKey.of(agent)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void isAbsentForNoAgent() {
        assertThat(AgentKey.of(null)).isEmpty();
    }
}
