package callsim.app.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.pipeline.DialPlan;
import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import callsim.telephony.asterisk.AudioSocketTarget;
import callsim.telephony.asterisk.TrainingCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingExtensionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final ScenarioLibrary library = ScenarioLibrary.builtIn();
    private final DialPlan plan = new DialPlan(library, library.get("double-charge"), Difficulty.NORMAL);
    private final MutableClock clock = new MutableClock(NOW);
    private final DrillBookings bookings = new DrillBookings(clock, Duration.ofMinutes(2));
    private final TrainingExtension extension = new TrainingExtension(bookings, plan, Optional.empty(), 9092, clock);

    private static TrainingCall call(Map<String, String> parameters, String number, String name) {
        return new TrainingCall("drill", parameters, "PJSIP/201-00000001", "1700000000.1", number, name, "10.0.0.9");
    }

    @Test
    void booksTheNamedDrillForTheCallerAndSendsTheChannelToAudioSocket() {
        AudioSocketTarget target = extension.route(call(Map.of("scenario", "warranty-refused", "difficulty", "hard"), "201", "Alice Smith"));

        assertThat(target.host()).as("the address Asterisk reached us on").isEqualTo("10.0.0.9");
        assertThat(target.port()).isEqualTo(9092);
        DrillBooking booking = bookings.claim(target.uuid().toString()).orElseThrow();
        assertThat(booking.agent()).isEqualTo("Alice Smith <201>");
        assertThat(booking.scenarioId()).contains("warranty-refused");
        assertThat(booking.difficulty()).contains(Difficulty.HARD);
        assertThat(booking.channel()).contains("PJSIP/201-00000001");
        assertThat(booking.uniqueId()).contains("1700000000.1");
        assertThat(booking.origin()).isEqualTo("agi");
        assertThat(booking.bookedAt()).isEqualTo(NOW);
    }

    @Test
    void anAdvertisedHostWinsOverTheAddressAsteriskReachedUsOn() {
        TrainingExtension behindNat = new TrainingExtension(bookings, plan, Optional.of("203.0.113.5"), 9092, clock);

        assertThat(behindNat.route(call(Map.of(), "201", "")).host()).isEqualTo("203.0.113.5");
    }

    @Test
    void withoutAScenarioTheAgentGetsTheMenu() {
        for (Map<String, String> parameters : java.util.List.of(Map.<String, String>of(), Map.of("scenario", " "))) {
            AudioSocketTarget target = extension.route(call(parameters, "201", "Alice"));

            assertThat(bookings.claim(target.uuid().toString()).orElseThrow().scenarioId()).as(parameters.toString()).isEmpty();
        }
    }

    @Test
    void anUnknownScenarioIsRefusedNamingTheKnownOnesAndBooksNothing() {
        assertThatThrownBy(() -> extension.route(call(Map.of("scenario", "nope"), "201", "Alice")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scenario 'nope'")
                .hasMessageContaining("double-charge").hasMessageContaining("warranty-refused");
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void anUnknownLevelIsRefused() {
        assertThatThrownBy(() -> extension.route(call(Map.of("scenario", "double-charge", "difficulty", "extreme"), "201", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extreme").hasMessageContaining("easy, normal or hard");
        assertThat(bookings.pending()).isZero();
    }

    @Test
    void onlyTheDrillScriptIsServed() {
        TrainingCall other = new TrainingCall("voicemail", Map.of(), "PJSIP/201-00000001", "1700000000.1", "201", "", "10.0.0.9");

        assertThatThrownBy(() -> extension.route(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voicemail").hasMessageContaining("agi://HOST:PORT/drill");
    }

    @Test
    void theAgentIsNamedFromTheCallerIdOrElseTheChannel() {
        assertThat(TrainingExtension.agent(call(Map.of(), "201", "Alice Smith"))).isEqualTo("Alice Smith <201>");
        assertThat(TrainingExtension.agent(call(Map.of(), " 201 ", "unknown"))).isEqualTo("201");
        assertThat(TrainingExtension.agent(call(Map.of(), "201", "201"))).isEqualTo("201");
        assertThat(TrainingExtension.agent(call(Map.of(), "201", null))).isEqualTo("201");
        assertThat(TrainingExtension.agent(call(Map.of(), "unknown", "Alice"))).isEqualTo("PJSIP/201-00000001");
        assertThat(TrainingExtension.agent(call(Map.of(), null, null))).isEqualTo("PJSIP/201-00000001");
    }
}
