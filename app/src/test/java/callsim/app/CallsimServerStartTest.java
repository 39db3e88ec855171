package callsim.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.TurnDetector;
import callsim.telephony.PortRange;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-run errors of serve: bad ports and options are reported before the speech models load (issue 15). */
class CallsimServerStartTest {
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private static CallsimServer.Options options(Path data, int sipPort, int audioSocketPort, List<String> allow) {
        ScenarioLibrary library = ScenarioLibrary.builtIn();
        return new CallsimServer.Options("127.0.0.1", sipPort, PortRange.EPHEMERAL, audioSocketPort, -1, data, 1,
                new DrillService.Settings(new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L,
                        TurnDetector.Settings.defaults()),
                callsim.app.asterisk.AsteriskOptions.NONE, null, allow, null);
    }

    @Test
    void aSipPortInUseIsReportedBeforeAnySpeechLoads(@TempDir Path data) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThatThrownBy(() -> CallsimServer.start(options(data, taken.getLocalPort(), -1, List.of()), progress::add))
                    .isInstanceOf(IOException.class).hasMessageContaining(":" + taken.getLocalPort());
        }
        assertThat(progress).as("speech loading never started").isEmpty();
    }

    @Test
    void anAudioSocketPortInUseIsReportedBeforeAnySpeechLoads(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> CallsimServer.start(options(data, 0, taken.getLocalPort(), List.of()), progress::add))
                    .isInstanceOf(IOException.class).hasMessageContaining("AudioSocket").hasMessageContaining(":" + taken.getLocalPort());
        }
        assertThat(progress).isEmpty();
    }

    @Test
    void aBadAllowEntryIsReportedBeforeAnySpeechLoads(@TempDir Path data) {
        assertThatThrownBy(() -> CallsimServer.start(options(data, 0, -1, List.of("office.example")), progress::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("office.example");
        assertThat(progress).isEmpty();
    }

    @Test
    void theDataDirectoryIsMadeOwnerOnly(@TempDir Path parent) throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThatThrownBy(() -> CallsimServer.start(options(data, taken.getLocalPort(), -1, List.of()), progress::add));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }
}
