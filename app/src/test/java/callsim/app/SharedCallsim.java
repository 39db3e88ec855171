package callsim.app;

import callsim.app.pipeline.DialPlan;
import callsim.app.pipeline.DrillService;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.TurnDetector;
import callsim.telephony.PortRange;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running callsim (SIP on a free loopback port, its own data directory) shared by every
 * integration test in the JVM: speech models load once, as in production, and it is closed when
 * the test run ends.
 */
public final class SharedCallsim implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CallsimServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> Holder.start(), Holder.class).server;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final CallsimServer server;

        private Holder(CallsimServer server) {
            this.server = server;
        }

        static Holder start() {
            try {
                Path data = Files.createTempDirectory("callsim-it");
                ScenarioLibrary library = ScenarioLibrary.builtIn();
                DrillService.Settings drills = new DrillService.Settings(
                        new DialPlan(library, library.defaultScenario(), Difficulty.NORMAL), 7L, TurnDetector.Settings.defaults());
                return new Holder(CallsimServer.start(new CallsimServer.Options(
                        "127.0.0.1", 0, PortRange.EPHEMERAL, 0, 0, data, 2, drills)));
            } catch (Exception e) {
                throw new IllegalStateException("could not start callsim for the integration tests", e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
