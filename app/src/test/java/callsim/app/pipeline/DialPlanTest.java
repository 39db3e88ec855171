package callsim.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.core.Difficulty;
import callsim.scenarios.ScenarioLibrary;
import org.junit.jupiter.api.Test;

class DialPlanTest {
    private final ScenarioLibrary library = ScenarioLibrary.builtIn();
    private final DialPlan plan = new DialPlan(library, library.get("double-charge"), Difficulty.NORMAL);

    @Test
    void aScenarioIdPicksThatScenarioAtTheDefaultDifficulty() {
        DialPlan.Choice choice = plan.choose("warranty-refused");
        assertThat(choice.scenario().id()).isEqualTo("warranty-refused");
        assertThat(choice.difficulty()).isEqualTo(Difficulty.NORMAL);
    }

    @Test
    void aDifficultySuffixPicksTheDifficultyToo() {
        DialPlan.Choice choice = plan.choose("Parcel-Missing-HARD");
        assertThat(choice.scenario().id()).isEqualTo("parcel-missing");
        assertThat(choice.difficulty()).isEqualTo(Difficulty.HARD);
    }

    @Test
    void anyOtherNumberPlaysTheDefaults() {
        for (String dialled : new String[] {"7000", "", "nope-hard", "double-charge-extreme"}) {
            DialPlan.Choice choice = plan.choose(dialled);
            assertThat(choice.scenario().id()).as(dialled).isEqualTo("double-charge");
            assertThat(choice.difficulty()).as(dialled).isEqualTo(Difficulty.NORMAL);
        }
    }

    @Test
    void aMistypedScenarioNameIsRefusedNamingTheScenariosButNumbersAndRealNamesAreNot() {
        assertThat(plan.refusal("warranty-refusd-hard")).get().asString()
                .contains("no scenario 'warranty-refusd-hard'").contains("warranty-refused");
        assertThat(plan.refusal("nope-hard")).isPresent();
        for (String served : new String[] {"7000", "", "+4930123", "warranty-refused", "Parcel-Missing-HARD", "double-charge"}) {
            assertThat(plan.refusal(served)).as(served).isEmpty();
        }
    }

    @Test
    void aBookingNamesItsScenarioAndLevel() {
        DialPlan.Choice choice = plan.require(" Warranty-Refused ", "HARD");
        assertThat(choice.scenario().id()).isEqualTo("warranty-refused");
        assertThat(choice.difficulty()).isEqualTo(Difficulty.HARD);
    }

    @Test
    void aBookingWithoutALevelGetsTheDefaultLevel() {
        assertThat(plan.require("parcel-missing", null).difficulty()).isEqualTo(Difficulty.NORMAL);
        assertThat(plan.require("parcel-missing", " ").difficulty()).isEqualTo(Difficulty.NORMAL);
    }

    @Test
    void aBookingForAnUnknownScenarioIsAnErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> plan.require("double-charge-hard", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown scenario 'double-charge-hard'")
                .hasMessageContaining(String.join(", ", library.ids()));
    }

    @Test
    void aBookingForAnUnknownLevelIsAnError() {
        assertThatThrownBy(() -> plan.require("double-charge", "extreme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'extreme'").hasMessageContaining("easy, normal or hard");
    }
}
