package callsim.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSpeechTest {
    @TempDir
    Path dir;

    @Test
    void speaksA8kHzMonoLineThatStartsAndEndsWithSpeech() throws Exception {
        Path line = AgentSpeech.speak("I understand, let me fix that for you.", dir);

        Wav wav = Wav.read(line);
        assertThat(wav.sampleRate()).isEqualTo(8000);
        VoiceActivity voice = new VoiceActivity(wav);
        assertThat(voice.voiced()).isGreaterThan(Duration.ofMillis(800));
        assertThat(voice.firstVoiced()).hasValueSatisfying(
                onset -> assertThat(onset).isLessThan(Duration.ofMillis(200)));
        Duration lastSound = voice.segments().get(voice.segments().size() - 1).end();
        assertThat(wav.duration().minus(lastSound)).as("trailing silence").isLessThan(Duration.ofMillis(200));
    }

    @Test
    void speaksWithAFliteVoiceAt8kHzTrimmed() throws Exception {
        Path line = AgentSpeech.flite("slt", "I am so sorry you were charged twice.", dir);

        Wav wav = Wav.read(line);
        assertThat(wav.sampleRate()).isEqualTo(8000);
        VoiceActivity voice = new VoiceActivity(wav);
        assertThat(voice.voiced()).isGreaterThan(Duration.ofMillis(800));
        assertThat(voice.firstVoiced()).hasValueSatisfying(onset -> assertThat(onset).isLessThan(Duration.ofMillis(200)));
        assertThatThrownBy(() -> AgentSpeech.flite("nobody", "Hello.", dir)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsSpeechAndSilenceInOrder() throws Exception {
        Path line = AgentSpeech.speak("Hold on.", dir);
        Path gap = AgentSpeech.silence(Duration.ofSeconds(2), dir.resolve("gap.wav"));
        Path joined = AgentSpeech.concat(dir.resolve("joined.wav"), line, gap, line);

        Duration lineLength = AgentSpeech.duration(line);
        assertThat(AgentSpeech.duration(joined)).isEqualTo(lineLength.multipliedBy(2).plusSeconds(2));
        VoiceActivity voice = new VoiceActivity(Wav.read(joined));
        assertThat(voice.segments()).hasSize(2);
        assertThat(voice.voiced(lineLength.plusMillis(100), lineLength.plusMillis(1900))).isZero();
    }

    @Test
    void refusesEmptyText() {
        assertThatThrownBy(() -> AgentSpeech.speak(" ", dir)).isInstanceOf(IllegalArgumentException.class);
    }
}
