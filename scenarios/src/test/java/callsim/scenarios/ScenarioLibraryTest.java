package callsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.core.AngerBand;
import callsim.core.Difficulty;
import callsim.core.LineSituation;
import callsim.core.Scenario;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {
    private final ScenarioLibrary library = ScenarioLibrary.builtIn();

    @Test
    void builtInLibraryLoadsWithDoubleChargeAsDefault() {
        Scenario scenario = library.defaultScenario();

        assertThat(scenario.id()).isEqualTo("double-charge");
        assertThat(library.all()).contains(scenario);
        assertThat(library.get("double-charge")).isSameAs(scenario);
        assertThat(scenario.persona().name()).isEqualTo("Dana Whitfield");
        assertThat(scenario.persona().voicePitchHz()).isEqualTo(190);
        assertThat(scenario.temper(Difficulty.HARD).startingAnger())
                .isGreaterThan(scenario.temper(Difficulty.EASY).startingAnger());
        assertThat(scenario.openingComplaint()).contains("charged me twice").doesNotContain("\n");
        assertThat(scenario.remedies()).anyMatch(r -> r.meetsNeed() && r.id().equals("refund-duplicate"));
    }

    @Test
    void unknownIdIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> library.get("lost-parcel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown scenario 'lost-parcel' (known: double-charge");
    }

    @Test
    void everyBuiltInScenarioHasFiveDistinctLinesPerBandForEachSituationItVoices() {
        for (Scenario scenario : library.all()) {
            for (LineSituation situation : LineSituation.values()) {
                if (situation == LineSituation.OPENING) continue; // long lines: two a band will do, see below
                Map<AngerBand, List<String>> byBand = scenario.lines().pools().getOrDefault(situation, Map.of());
                assertThat(byBand.keySet()).as(scenario.id() + " " + situation).containsAll(situation.requiredBands(scenario.persona()));
                byBand.forEach((band, lines) -> assertThat(new HashSet<>(lines))
                        .as(scenario.id() + " " + situation.yamlName() + " " + band.yamlName()).hasSizeGreaterThanOrEqualTo(5));
            }
        }
    }

    @Test
    void everyBuiltInScenarioOpensInTwoWaysForEachMoodItStartsIn() {
        for (Scenario scenario : library.all()) {
            Map<AngerBand, List<String>> openings = scenario.lines().pools().get(LineSituation.OPENING);
            for (var difficulty : scenario.tempers().values()) {
                AngerBand band = AngerBand.of(difficulty.startingAnger());
                assertThat(scenario.lines().pool(LineSituation.OPENING, band, LineSituation.OPENING))
                        .as(scenario.id() + " opening " + band.yamlName()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
            }
            assertThat(openings.get(AngerBand.FURIOUS)).as(scenario.id() + ": furious openings are short")
                    .filteredOn(line -> !line.equals(scenario.openingComplaint())).isNotEmpty().allMatch(line -> line.split(" ").length < scenario.openingComplaint().split(" ").length * 2 / 3);
        }
    }

    @Test
    void agentPhrasesCoverTheScenarioForTheLanguageModel() {
        List<String> phrases = library.defaultScenario().agentPhrases();

        assertThat(phrases).contains("I can refund the duplicate charge today", "refund the duplicate", "calm down");
        assertThat(phrases).noneMatch(p -> p.contains("*"));
    }
}
