package callsim.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A double-charge scenario built in code; every line names its pool, e.g. "[solution|calming] 2, and that is what I have to say.". */
final class TestScenarios {
    private TestScenarios() {}

    static final List<String> FORBIDDEN = List.of("*refund the *whole *year", "*free *for a *year");

    static Scenario doubleCharge() {
        return doubleCharge(new Persona("Dana Whitfield", 190));
    }

    /** The double-charge scenario with another persona and the policy's forbidden promises. */
    static Scenario doubleCharge(Persona persona) {
        Scenario base = plainDoubleCharge(persona);
        return new Scenario(base.id(), base.title(), base.summary(), base.persona(), base.tempers(), base.openingComplaint(),
                base.grievances(), base.need(), base.facts(), base.remedies(), base.lines(), base.agentSentences(),
                FORBIDDEN, Map.of(), Scenario.DEFAULT_PASS_MARK);
    }

    private static Scenario plainDoubleCharge(Persona persona) {
        Map<LineSituation, Map<AngerBand, List<String>>> pools = new EnumMap<>(LineSituation.class);
        for (LineSituation situation : LineSituation.values()) {
            if (situation == LineSituation.OPENING) continue; // the caller opens with the scenario's opening
            Map<AngerBand, List<String>> byBand = new EnumMap<>(AngerBand.class);
            for (AngerBand band : AngerBand.values()) {
                List<String> lines = new ArrayList<>();
                // padded to a spoken sentence, so a line takes as long to say as a real one
                for (int i = 1; i <= 4; i++) lines.add(tag(situation, band) + " " + i + ", and that is what I have to say.");
                byBand.put(band, lines);
            }
            pools.put(situation, byBand);
        }
        return new Scenario(
                "double-charge", "Charged twice", "Billed twice for the monthly plan",
                persona,
                Map.of(Difficulty.EASY, new CallerTemper(55, 120, 0.8),
                        Difficulty.NORMAL, new CallerTemper(72, 90, 1.0),
                        Difficulty.HARD, new CallerTemper(88, 45, 1.4)),
                "You people charged me twice this month and now my account is overdrawn.",
                List.of(new Grievance("double-charge", List.of("*charged *twice", "*double *charge", "*billed *twice",
                                "*two *payments", "*duplicate *charge")),
                        new Grievance("overdraft", List.of("*overdraft *fee", "*overdrawn"))),
                "the duplicate charge refunded",
                List.of(new Fact("account-number", List.of("*account *number", "*phone *number on the account"),
                                "It's 4 4 7 1 2 0 9."),
                        new Fact("charge-date", List.of("*when did you *notice", "what *date", "*when was it *charged"),
                                "Both came out on the third.")),
                List.of(new Remedy("refund-duplicate", List.of("*refund the *duplicate", "*refund the *second *charge",
                                "*reverse the *charge", "*money *back"), true),
                        new Remedy("account-credit", List.of("*credit to your *account", "*credit your *account",
                                "*account *credit"), false)),
                new CallerLines(pools),
                List.of("I can refund the duplicate charge today"));
    }

    static String tag(LineSituation situation, AngerBand band) {
        return "[" + situation.yamlName() + "|" + band.yamlName() + "]";
    }
}
