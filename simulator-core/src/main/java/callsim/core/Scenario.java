package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One drill's story: who calls, how angry and patient they are at each difficulty, what they
 * complain about, what they reveal when asked, which remedies the policy allows, and what they say.
 *
 * @param need            in plain words, what the caller needs to hang up satisfied
 * @param agentSentences  sentences an agent would say in this scenario (for the recogniser's language model)
 * @param forbiddenPromises cue phrases of promises the policy forbids (T9); saying one fails the drill
 * @param weights         the scenario's technique weights; techniques not named keep {@link TechniqueWeights#DEFAULTS}
 * @param passMark        the total (0-100) a drill needs to pass
 */
public record Scenario(
        String id,
        String title,
        String summary,
        Persona persona,
        Map<Difficulty, CallerTemper> tempers,
        String openingComplaint,
        List<Grievance> grievances,
        String need,
        List<Fact> facts,
        List<Remedy> remedies,
        CallerLines lines,
        List<String> agentSentences,
        List<String> forbiddenPromises,
        Map<Technique, Double> weights,
        int passMark) {

    public static final int DEFAULT_PASS_MARK = 70;

    public Scenario {
        checkArgument(id != null && id.matches("[a-z0-9][a-z0-9-]*"), "scenario id '%s' must be lower-case words joined by '-'", id);
        checkArgument(title != null && !title.isBlank(), "scenario %s has no title", id);
        checkArgument(openingComplaint != null && !openingComplaint.isBlank(), "scenario %s has no opening complaint", id);
        tempers = Map.copyOf(new EnumMap<>(tempers));
        for (Difficulty difficulty : Difficulty.values()) {
            checkArgument(tempers.containsKey(difficulty), "scenario %s has no %s difficulty", id, difficulty.jsonName());
        }
        grievances = List.copyOf(grievances);
        facts = List.copyOf(facts);
        remedies = List.copyOf(remedies);
        checkArgument(remedies.stream().anyMatch(Remedy::meetsNeed), "scenario %s has no remedy that meets the need", id);
        agentSentences = List.copyOf(agentSentences);
        summary = summary == null ? "" : summary;
        need = need == null ? "" : need;
        forbiddenPromises = List.copyOf(forbiddenPromises);
        weights = TechniqueWeights.complete(weights);
        checkArgument(passMark >= 0 && passMark <= 100, "scenario %s pass mark %s outside 0..100", id, passMark);
        if (!lines.pools().getOrDefault(LineSituation.OPENING, Map.of()).isEmpty()) {
            // The scenario's opening is one of the variants: the one for its normal difficulty's mood.
            lines = lines.with(LineSituation.OPENING, AngerBand.of(tempers.get(Difficulty.NORMAL).startingAnger()), openingComplaint);
        }
        if (lines.pools().getOrDefault(LineSituation.NOT_HEARD, Map.of()).isEmpty()) {
            for (Map.Entry<AngerBand, List<String>> pool : NotHeardLines.DEFAULTS.entrySet()) {
                for (String line : pool.getValue()) lines = lines.with(LineSituation.NOT_HEARD, pool.getKey(), line);
            }
        }
        for (LineSituation situation : LineSituation.values()) {
            for (AngerBand band : situation.requiredBands(persona)) {
                checkArgument(!lines.pools().getOrDefault(situation, Map.of()).getOrDefault(band, List.of()).isEmpty(),
                        "scenario %s: %s needs %s lines for the %s band", id, situation.personaReason(), situation.yamlName(),
                        band.yamlName());
            }
        }
    }

    /** A scenario without policy limits, with the default weights and pass mark. */
    public Scenario(String id, String title, String summary, Persona persona, Map<Difficulty, CallerTemper> tempers,
            String openingComplaint, List<Grievance> grievances, String need, List<Fact> facts, List<Remedy> remedies,
            CallerLines lines, List<String> agentSentences) {
        this(id, title, summary, persona, tempers, openingComplaint, grievances, need, facts, remedies, lines,
                agentSentences, List.of(), Map.of(), DEFAULT_PASS_MARK);
    }

    /** The weight of one technique in this scenario's score. */
    public double weight(Technique technique) {
        return weights.get(technique);
    }

    public CallerTemper temper(Difficulty difficulty) {
        return tempers.get(difficulty);
    }

    /**
     * Sentences an agent would say in this scenario: the scenario's own plus the cue phrases the turn
     * analysis listens for (forbidden promises included), so a language model built from them covers
     * what is detected.
     */
    public List<String> agentPhrases() {
        Set<String> phrases = new LinkedHashSet<>(agentSentences);
        remedies.forEach(remedy -> remedy.phrases().forEach(p -> phrases.add(withoutKeyMarks(p))));
        facts.forEach(fact -> fact.askedBy().forEach(p -> phrases.add(withoutKeyMarks(p))));
        forbiddenPromises.forEach(p -> phrases.add(withoutKeyMarks(p)));
        // what the agent repeats back: the caller's need, facts and grievance words
        if (need != null && !need.isBlank()) phrases.add(need);
        facts.forEach(fact -> phrases.add(fact.answer()));
        grievances.forEach(grievance -> grievance.keywords().forEach(k -> phrases.add(withoutKeyMarks(k))));
        phrases.addAll(AgentCues.allPhrases());
        phrases.addAll(TechniqueCues.allPhrases());
        phrases.addAll(addressingTheCaller());
        return List.copyOf(phrases);
    }

    /** The caller's name in a few ways of addressing them: a language model cannot hear a name it has never seen (T14). */
    private List<String> addressingTheCaller() {
        List<String> names = persona.nameWords();
        if (names.isEmpty()) return List.of();
        String first = names.get(0);
        String last = names.get(names.size() - 1);
        return List.of("thank you " + first, first + " i understand", "i am sorry " + first, "okay " + first,
                first + " let me sort this out", "thank you mister " + last, "thank you miss " + last,
                "i am sorry miss " + last);
    }

    private static String withoutKeyMarks(String cuePattern) {
        return cuePattern.replace("*", "");
    }
}
