package callsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the caller answers to an agent turn: the most pressing thing the turn did decides the line
 * (an argument before a remedy before a fact asked for ...), and the caller's persona may turn a plain
 * reply into a demand for a supervisor or abuse. Every question the turn asked is answered, offered
 * a choice the caller says which option they take, and fact answers vary in wording.
 */
final class CallerReplies {
    private final Scenario scenario;
    private final CallerMemory memory;
    private final EvidenceLog evidence;
    /** Picks a line of a situation for the caller's current band. */
    private final Function<LineSituation, String> lines;
    private final LinePicker picker;
    /** Each fact's question cues: a turn may ask for more than the one fact the analysis reports. */
    private final Map<String, CueSet> factQuestions = new LinkedHashMap<>();

    CallerReplies(Scenario scenario, CallerMemory memory, EvidenceLog evidence, Function<LineSituation, String> lines,
            LinePicker picker) {
        this.scenario = scenario;
        this.memory = memory;
        this.evidence = evidence;
        this.lines = lines;
        this.picker = picker;
        scenario.facts().forEach(fact -> factQuestions.put(fact.id(), new CueSet(fact.askedBy())));
    }

    /** {@code factsAskedBefore}: the facts this turn asks for that an earlier turn already asked. */
    String replyTo(TurnReading reading, Set<String> factsAskedBefore, boolean boundaryAnswersAbuse, AngerBand band, long now) {
        String answers = factAnswers(reading, factsAskedBefore, band);
        if (reading.has(Signal.CALM_DOWN) || reading.has(Signal.ARGUING)) return withAnswers(say(LineSituation.ARGUING, now), answers);
        if (boundaryAnswersAbuse) return withAnswers(say(LineSituation.BOUNDARY, now), answers);
        boolean newRemedy = reading.all(Signal.REMEDY).stream().anyMatch(d -> meetsNeed(d.subjectId()));
        if (newRemedy || reading.has(Signal.FORBIDDEN_PROMISE)) {
            String reaction = choice(reading, band, false).orElseGet(() -> say(LineSituation.SOLUTION, now));
            return withAnswers(reaction, answers);
        }
        if (!answers.isEmpty()) return answers;
        boolean demands = scenario.persona().insistsOnSupervisor() && band.compareTo(AngerBand.FRUSTRATED) >= 0;
        boolean abuses = scenario.persona().abusive() && !memory.boundarySet() && band.compareTo(AngerBand.ANGRY) >= 0;
        if (demands && abuses) { // a caller who does both takes turns
            return say(memory.lastCallerLine() == LineSituation.ABUSE ? LineSituation.SUPERVISOR_DEMAND : LineSituation.ABUSE, now);
        }
        if (demands) return say(LineSituation.SUPERVISOR_DEMAND, now);
        if (abuses) return say(LineSituation.ABUSE, now);
        if (reading.has(Signal.WRONG_RESTATEMENT) && !reading.has(Signal.RESTATEMENT)) return say(LineSituation.CORRECTION, now);
        if (reading.has(Signal.REMEDY) || reading.has(Signal.VAGUE_PROMISE)) return say(LineSituation.WEAK_OFFER, now);
        if (reading.has(Signal.SPECIFIC_APOLOGY) || reading.has(Signal.BARE_APOLOGY)) return say(LineSituation.APOLOGY, now);
        if (reading.has(Signal.EMPATHY)) return say(LineSituation.EMPATHY, now);
        if (reading.has(Signal.RESTATEMENT)) return say(LineSituation.CONFIRMATION, now);
        if (reading.has(Signal.HOLD_REQUEST)) return say(LineSituation.HOLD_ASKED, now);
        return say(LineSituation.CONTINUATION, now);
    }

    /** A reply line; the caller remembers abuse and demands, since the agent's next turn answers them. */
    private String say(LineSituation situation, long now) {
        String text = lines.apply(situation);
        memory.callerSaid(situation);
        if (situation == LineSituation.ABUSE) {
            evidence.add(Technique.SET_A_BOUNDARY, Evidence.said(now, "abuse", text, "the caller swore or insulted"));
        } else if (situation == LineSituation.SUPERVISOR_DEMAND) {
            evidence.add(Technique.ESCALATE_PROPERLY, Evidence.said(now, "supervisor-demanded", text, "the caller asked for a supervisor"));
        }
        return text;
    }

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[?.!;]+|,?\\s+(?:and|also|plus)\\s+");

    /** How the caller starts a fact answer, by how they feel ("" says it straight). */
    private static final List<String> CALM_LEAD_INS = List.of("", "Sure. ", "Yes, of course. ", "Okay. ");
    private static final List<String> CROSS_LEAD_INS = List.of("", "Fine. ", "Right. ", "Write this down. ");
    /** ... and when every fact asked for was asked before. */
    private static final List<String> CALM_REPEAT_LEAD_INS = List.of("I did mention that. ", "Like I said. ", "As I said before. ");
    private static final List<String> CROSS_REPEAT_LEAD_INS = List.of("I already told you. ", "How many times? ", "I said this already! ");

    /**
     * Offered two or more options in one turn, the caller takes the one that meets their need and says
     * which, and not the other ("The refund, please. I don't want a credit on my account."). Empty when the
     * turn offered fewer than two, offered them together rather than as a choice, or none meets the need.
     * Saying goodbye ({@code closing}), the caller only says which they take; the goodbye follows.
     */
    Optional<String> choice(TurnReading reading, AngerBand band, boolean closing) {
        List<String> words = Words.tokens(reading.words());
        if (!words.contains("or") && !words.contains("prefer") && !words.contains("either")) return Optional.empty();
        List<Remedy> offered = reading.all(Signal.REMEDY).stream().map(Detection::subjectId).distinct()
                .map(this::remedy).flatMap(Optional::stream).toList();
        Optional<Remedy> taken = offered.stream().filter(Remedy::meetsNeed).findFirst();
        if (offered.size() < 2 || taken.isEmpty()) return Optional.empty();
        String taking = capitalised(taken.get().called());
        Optional<Remedy> refused = offered.stream().filter(r -> !r.meetsNeed()).findFirst();
        if (refused.isEmpty() || closing) return Optional.of(taking + ", please.");
        String other = refused.get().called();
        return Optional.of(switch (band) {
            case FURIOUS, ANGRY -> taking + ", please. I don't want " + other + ".";
            case FRUSTRATED -> taking + ", please, not " + other + ".";
            case CALMING, SATISFIED -> taking + ", please. That's the one I need, thanks.";
        });
    }

    /**
     * Answers to every fact the turn asked for, worded for the caller's mood; empty if it asked none.
     * The analysis reports one fact question a turn; the caller hears one in each of its questions.
     */
    private String factAnswers(TurnReading reading, Set<String> askedBefore, AngerBand band) {
        List<String> ids = new ArrayList<>(reading.all(Signal.FACT_QUESTION).stream().map(Detection::subjectId).distinct().toList());
        if (ids.isEmpty()) return "";
        Set<String> known = new HashSet<>(askedBefore);
        for (String id : questionsPerClause(reading.words())) {
            if (ids.contains(id)) continue;
            if (memory.factRevealed(id)) known.add(id);
            ids.add(id);
            memory.factTold(id);
        }
        boolean cross = band.compareTo(AngerBand.ANGRY) >= 0;
        boolean repeated = known.containsAll(ids);
        List<String> leadIns = repeated ? (cross ? CROSS_REPEAT_LEAD_INS : CALM_REPEAT_LEAD_INS) : (cross ? CROSS_LEAD_INS : CALM_LEAD_INS);
        StringBuilder answer = new StringBuilder(picker.vary(leadIns));
        for (String id : ids) {
            scenario.facts().stream().filter(f -> f.id().equals(id)).findFirst()
                    .ifPresent(fact -> answer.append(answer.isEmpty() ? "" : " ").append(fact.answer()));
        }
        return answer.toString().strip().replaceAll("\\s+", " ");
    }

    /**
     * The fact each question of a turn asks for, a question being a clause ("..., and when did you
     * notice it?"); in each, the first fact heard, as the analysis does for the whole turn, so that one
     * question is not answered twice ("how much was the bank fee" is not also "how much").
     */
    private List<String> questionsPerClause(String words) {
        List<String> asked = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(Words.lower(words))) {
            Heard heard = new Heard(Words.tokens(clause), SoundsLike.off()); // facts are asked for by their words
            factQuestions.entrySet().stream().filter(q -> q.getValue().heardIn(heard)).findFirst()
                    .ifPresent(q -> asked.add(q.getKey()));
        }
        return asked;
    }

    private static String withAnswers(String reaction, String answers) {
        return answers.isEmpty() ? reaction : reaction + " " + answers;
    }

    private Optional<Remedy> remedy(String id) {
        return scenario.remedies().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private boolean meetsNeed(String remedyId) {
        return scenario.remedies().stream().anyMatch(r -> r.id().equals(remedyId) && r.meetsNeed());
    }
}
