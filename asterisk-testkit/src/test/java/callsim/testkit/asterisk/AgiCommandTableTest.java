package callsim.testkit.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiCommandTableTest {
    @Test
    void parsesWordsLikeResAgi() {
        assertThat(AgiCommandTable.parseArgs("EXEC \"AudioSocket\" \"id,host:9092\"")).containsExactly("EXEC", "AudioSocket", "id,host:9092");
        assertThat(AgiCommandTable.parseArgs("SET  VARIABLE\tX \"\"")).containsExactly("SET", "VARIABLE", "X", "");
        assertThat(AgiCommandTable.parseArgs("VERBOSE \"say \\\"hi\\\" \\\\ now\" 1")).containsExactly("VERBOSE", "say \"hi\" \\ now", "1");
        assertThat(AgiCommandTable.parseArgs("NOOP a\\ b")).containsExactly("NOOP", "a b");
        assertThat(AgiCommandTable.parseArgs("")).isEmpty();
    }

    @Test
    void findsTheCommandByItsLeadingWordsIgnoringCase() {
        assertThat(AgiCommand.parse("set variable X 1").name()).isEqualTo("SET VARIABLE");
        assertThat(AgiCommand.parse("Exec AudioSocket x").name()).isEqualTo("EXEC");
        assertThat(AgiCommand.parse("GET FULL VARIABLE ${X}").name()).isEqualTo("GET FULL VARIABLE");
        assertThat(AgiCommand.parse("GET").known()).isFalse(); // "get data" etc. need a second word
        assertThat(AgiCommand.parse("").known()).isFalse();
    }

    @Test
    void knowsWhichCommandsRunOnADeadChannel() {
        assertThat(AgiCommandTable.find(AgiCommandTable.parseArgs("EXEC x")).orElseThrow().allowedWhenDead()).isTrue();
        assertThat(AgiCommandTable.find(AgiCommandTable.parseArgs("SET VARIABLE x y")).orElseThrow().allowedWhenDead()).isTrue();
        assertThat(AgiCommandTable.find(AgiCommandTable.parseArgs("VERBOSE x")).orElseThrow().allowedWhenDead()).isTrue();
        assertThat(AgiCommandTable.find(AgiCommandTable.parseArgs("HANGUP")).orElseThrow().allowedWhenDead()).isFalse();
        assertThat(AgiCommandTable.find(AgiCommandTable.parseArgs("ANSWER")).orElseThrow().allowedWhenDead()).isFalse();
    }
}
