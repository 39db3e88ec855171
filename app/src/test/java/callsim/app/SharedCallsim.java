package callsim.app;

import callsim.app.asterisk.AsteriskOptions;
import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.TurnDetector;
import callsim.telephony.PortRange;
import callsim.telephony.asterisk.AmiSettings;
import callsim.testkit.asterisk.FakeAmiServer;
import java.nio.file.Files;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running callsim (SIP, AudioSocket, FastAGI and HTTP on free loopback ports, its own data
 * directory, logged in to a fake Asterisk manager interface that tests can script) shared by every
 * integration test in the JVM: speech models load once, as in production, and it is closed when
 * the test run ends.
 */
public final class SharedCallsim implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CallsimServer.class || type == FakeAmiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> Holder.start(), Holder.class);
        return parameter.getParameter().getType() == FakeAmiServer.class ? holder.ami : holder.server;
    }

    private static final String AMI_SECRET = "it-secret-" + java.util.UUID.randomUUID();

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final CallsimServer server;
        final FakeAmiServer ami;

        private Holder(CallsimServer server, FakeAmiServer ami) {
            this.server = server;
            this.ami = ami;
        }

        static Holder start() {
            try {
                Path data = Files.createTempDirectory("callsim-it");
                ScenarioLibrary library = ScenarioLibrary.builtIn();
                DrillService.Settings drills = new DrillService.Settings(
                        new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L, TurnDetector.Settings.defaults());
                FakeAmiServer ami = new FakeAmiServer("callsim", AMI_SECRET).start();
                AsteriskOptions asterisk = new AsteriskOptions(0,
                        Optional.of(new AmiSettings("127.0.0.1", ami.port(), "callsim", AMI_SECRET)), Optional.empty());
                return new Holder(CallsimServer.start(new CallsimServer.Options(
                        "127.0.0.1", 0, PortRange.EPHEMERAL, 0, 0, data, 2, drills, asterisk)), ami);
            } catch (Exception e) {
                throw new IllegalStateException("could not start callsim for the integration tests", e);
            }
        }

        @Override
        public void close() {
            server.close();
            ami.close();
        }
    }
}
