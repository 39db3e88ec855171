package callsim.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingCallMapperTest {
    private static final Map<String, String> ENV = Map.of(
            "network", "yes",
            "network_script", "drill?scenario=refund%20rage&difficulty=hard",
            "request", "agi://192.0.2.10:4573/drill?scenario=refund%20rage&difficulty=hard",
            "channel", "PJSIP/201-00000001",
            "uniqueid", "1700000000.1",
            "callerid", "201",
            "calleridname", "Ann Agent");

    @Test
    void mapsTheRequestEnvironment() throws Exception {
        TrainingCall call = TrainingCallMapper.toTrainingCall(ENV, InetAddress.getByName("192.0.2.10"));

        assertThat(call).isEqualTo(new TrainingCall("drill", Map.of("scenario", "refund rage", "difficulty", "hard"),
                "PJSIP/201-00000001", "1700000000.1", "201", "Ann Agent", "192.0.2.10"));
    }

    @Test
    void theLocalAddressIsInItsNumericForm() throws Exception {
        TrainingCall call = TrainingCallMapper.toTrainingCall(ENV, InetAddress.getByName("::1"));

        assertThat(call.localAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(new AudioSocketTarget(java.util.UUID.randomUUID(), call.localAddress(), 9092).applicationData())
                .endsWith(",[0:0:0:0:0:0:0:1]:9092");
    }

    @Test
    void theScriptIsThePathWithoutQuery() {
        assertThat(TrainingCallMapper.script(Map.of("network_script", "drill?scenario=x"))).isEqualTo("drill");
        assertThat(TrainingCallMapper.script(Map.of("network_script", "drill"))).isEqualTo("drill");
        assertThat(TrainingCallMapper.script(Map.of("network_script", "callsim/drill?"))).isEqualTo("callsim/drill");
        assertThat(TrainingCallMapper.script(Map.of())).isNull();
    }

    @Test
    void noQueryMeansNoParameters() {
        assertThat(TrainingCallMapper.toTrainingCall(Map.of("network_script", "drill"), null).parameters()).isEmpty();
        assertThat(TrainingCallMapper.toTrainingCall(Map.of("network_script", "drill?"), null).parameters()).isEmpty();
    }

    @Test
    void decodesParameters() {
        assertThat(TrainingCallMapper.parameters("scenario=a+b%2Fc&&difficulty=&flag&expr=x=y"))
                .containsOnly(Map.entry("scenario", "a b/c"), Map.entry("difficulty", ""), Map.entry("flag", ""),
                        Map.entry("expr", "x=y"));
        assertThat(TrainingCallMapper.parameters("name=%C3%A9milie")).containsEntry("name", "émilie");
    }

    @Test
    void rejectsAmbiguousOrMalformedQueries() {
        assertThatThrownBy(() -> TrainingCallMapper.parameters("scenario=a&scenario=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"scenario\" given twice");
        assertThatThrownBy(() -> TrainingCallMapper.parameters("=a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a name");
        assertThatThrownBy(() -> TrainingCallMapper.parameters("scenario=%zz"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed escape").hasMessageContaining("scenario=%zz");
    }

    @Test
    void unknownOrEmptyCallerIdIsNone() {
        assertThat(TrainingCallMapper.callerId("unknown")).isNull();
        assertThat(TrainingCallMapper.callerId("")).isNull();
        assertThat(TrainingCallMapper.callerId(null)).isNull();
        assertThat(TrainingCallMapper.callerId("201")).isEqualTo("201");

        TrainingCall call = TrainingCallMapper.toTrainingCall(
                Map.of("network_script", "drill", "callerid", "unknown", "calleridname", "unknown"), null);
        assertThat(call.callerIdNumber()).isNull();
        assertThat(call.callerIdName()).isNull();
    }
}
