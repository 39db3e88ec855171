package callsim.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an agent turn for the techniques of docs/rubric.md, forgivingly (see {@link Cue}): each rule is a
 * small named function; scenario rules know the scenario's grievances, facts and remedies.
 */
public final class TurnAnalyzer {
    private static final Set<Signal> NOT_OWNERSHIP = EnumSet.of(Signal.VAGUE_PROMISE, Signal.ESCALATION, Signal.BOUNDARY,
            Signal.CALM_DOWN, Signal.ARGUING, Signal.ANYTHING_ELSE, Signal.DEFLECTION, Signal.EXCUSE);
    /** Words that may stand between "I will" and the action ("I'll just fix it", "I'll also cover"). */
    private static final Set<String> ADVERBS = Set.of("just", "also", "really", "personally", "now", "definitely",
            "actually", "absolutely", "certainly", "gladly", "happily", "right", "straight", "immediately", "quickly");
    /** Actions an agent takes in the present tense ("I'm booking an engineer", "I'm sending a replacement"). */
    private static final Set<String> ACTIONS = Set.of("book", "rebook", "send", "arrang", "refund", "process", "issu",
            "credit", "add", "waiv", "cancel", "remov", "fix", "sort", "replac", "revers", "organiz", "push", "expedit",
            "cover", "rais", "escalat", "stopp", "clos", "schedul", "reimburs", "shipp", "dispatch", "cancell", "putt", "gett");

    private final List<DetectionRule> rules;
    private final SoundsLike sounds;

    /** Cues matched on spelling only (typed text, scenario checks). */
    public TurnAnalyzer(Scenario scenario) {
        this(scenario, SoundsLike.off());
    }

    /** Cues matched on spelling and, for recognised speech, on sound. */
    public TurnAnalyzer(Scenario scenario, SoundsLike sounds) {
        this.sounds = sounds;
        this.rules = List.of(
                backchannel(),
                empathy(),
                apology(scenario),
                cue(Signal.EXCUSE, AgentCues.EXCUSE),
                restatement(scenario),
                factQuestion(scenario),
                remedies(scenario),
                cue(Signal.VAGUE_PROMISE, AgentCues.VAGUE_PROMISE),
                holdRequest(),
                cue(Signal.CALM_DOWN, AgentCues.CALM_DOWN),
                cue(Signal.ARGUING, AgentCues.ARGUING),
                cue(Signal.CLOSING, AgentCues.CLOSING),
                wrongRestatement(scenario),
                cue(Signal.NEXT_STEP, TechniqueCues.NEXT_STEP),
                cue(Signal.ANYTHING_ELSE, TechniqueCues.ANYTHING_ELSE),
                cue(Signal.CLOSING_THANKS, TechniqueCues.CLOSING_THANKS),
                forbiddenPromises(scenario),
                cue(Signal.BOUNDARY, TechniqueCues.BOUNDARY),
                cue(Signal.ESCALATION, TechniqueCues.ESCALATION),
                nameUsed(scenario.persona()),
                cue(Signal.POLITENESS, TechniqueCues.POLITENESS),
                ownership(),
                deflection());
    }

    /**
     * The last few readings: a live drill reads each turn's words as soon as they are recognised, off the
     * 20 ms audio thread ({@link DrillSession#readAhead}), and finds them read when the turn is handled on it
     * (matching on sound takes 10-45 ms a turn). Readings are pure, so a remembered one is the same answer.
     */
    private final Map<String, TurnReading> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TurnReading> eldest) {
            return size() > RECENT_READINGS;
        }
    });
    private static final int RECENT_READINGS = 8;

    public TurnReading read(String words) {
        TurnReading known = recent.get(words);
        if (known != null) return known;
        TurnReading reading = readAfresh(words);
        recent.put(words, reading);
        return reading;
    }

    private TurnReading readAfresh(String words) {
        Heard heard = new Heard(Words.tokens(words), sounds);
        List<Detection> detections = new ArrayList<>();
        if (!heard.tokens().isEmpty()) rules.forEach(rule -> detections.addAll(rule.detect(heard)));
        return new TurnReading(words, inContext(heard, detections));
    }

    /**
     * Signals that depend on the rest of the turn. A remedy the caller is told to get for themselves
     * ("fill in the form to get your money back") is not offered. Ownership (T14) is taking on the
     * caller's problem: "I will" in a vague promise, a hand-off, a boundary, a "calm down" or an
     * "anything else I can…" is not it unless the turn also offers a remedy or a next step, and a
     * remedy offered with "I can", "I will" or "let me" is.
     */
    private static List<Detection> inContext(Heard heard, List<Detection> found) {
        if (found.stream().anyMatch(d -> d.signal() == Signal.BOUNDARY)) {
            // "I want to help, but I need you to stop shouting at me" sets a boundary; it does not argue
            found = found.stream().filter(d -> d.signal() != Signal.ARGUING).toList();
        }
        boolean handedBack = found.stream().anyMatch(d -> d.signal() == Signal.DEFLECTION) && !AgentCues.OWNERSHIP.heardIn(heard);
        List<Detection> detections = handedBack ? found.stream().filter(d -> d.signal() != Signal.REMEDY).toList() : found;
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        detections.forEach(d -> signals.add(d.signal()));
        boolean acting = signals.contains(Signal.REMEDY) || signals.contains(Signal.NEXT_STEP);
        if (signals.contains(Signal.OWNERSHIP) && !acting && signals.stream().anyMatch(NOT_OWNERSHIP::contains)) {
            return detections.stream().filter(d -> d.signal() != Signal.OWNERSHIP).toList();
        }
        if (!signals.contains(Signal.OWNERSHIP) && signals.contains(Signal.REMEDY)) {
            List<Detection> withOwnership = new ArrayList<>(detections);
            AgentCues.OWNERSHIP.find(heard).or(() -> offerWithoutOpener(heard.tokens()))
                    .ifPresent(p -> withOwnership.add(Detection.of(Signal.OWNERSHIP, p)));
            return withOwnership;
        }
        return detections;
    }

    /**
     * "Can give you a priority appointment": the recogniser often loses a turn's first word, so a remedy offered
     * with a turn that starts "can" or "will" and a verb (not "can you…", a question) was offered by the agent.
     */
    private static Optional<String> offerWithoutOpener(List<String> tokens) {
        if (tokens.size() < 2 || !(tokens.get(0).equals("can") || tokens.get(0).equals("will"))) return Optional.empty();
        String next = tokens.get(1);
        boolean subject = next.equals("you") || next.equals("i") || next.equals("we") || next.equals("it") || next.equals("they");
        return subject ? Optional.empty() : Optional.of(tokens.get(0) + " " + next);
    }

    static DetectionRule cue(Signal signal, CueSet cues) {
        return heard -> cues.find(heard).map(phrase -> List.of(Detection.of(signal, phrase))).orElse(List.of());
    }

    /**
     * A stock empathy phrase, or any frame naming the caller's feeling ("that must be worrying"); not in a
     * conditional apology ("sorry if that's upset you"), which names no feeling of the caller's.
     */
    static DetectionRule empathy() {
        return heard -> AgentCues.CONDITIONAL_APOLOGY.heardIn(heard) ? List.of()
                : AgentCues.EMPATHY.find(heard).or(() -> AgentCues.FEELING.find(heard))
                        .map(phrase -> List.of(Detection.of(Signal.EMPATHY, phrase))).orElse(List.of());
    }

    static DetectionRule backchannel() {
        return heard -> AgentPhrases.isBackchannel(heard.text())
                ? List.of(Detection.of(Signal.BACKCHANNEL, heard.text())) : List.of();
    }

    static DetectionRule holdRequest() {
        return heard -> AgentPhrases.isHoldRequest(heard.text())
                ? List.of(Detection.of(Signal.HOLD_REQUEST, heard.text())) : List.of();
    }

    /** An apology naming one of the caller's grievances is specific; otherwise it is bare. */
    static DetectionRule apology(Scenario scenario) {
        List<Named> grievances = scenario.grievances().stream().map(g -> new Named(g.id(), new CueSet(g.keywords()))).toList();
        return heard -> {
            Optional<String> bare = AgentCues.BARE_APOLOGY.find(heard);
            Optional<String> apology = bare.or(() -> AgentCues.APOLOGY.find(heard));
            if (apology.isEmpty()) return List.of();
            Optional<Named> named = grievances.stream().filter(g -> g.cues().heardIn(heard)).findFirst();
            return List.of(named.isPresent()
                    ? new Detection(Signal.SPECIFIC_APOLOGY, apology.get(), named.get().id())
                    : Detection.of(Signal.BARE_APOLOGY, apology.get()));
        };
    }

    /** Naming a grievance in the caller's terms shows the agent listened (T4). */
    static DetectionRule restatement(Scenario scenario) {
        List<Named> grievances = scenario.grievances().stream().map(g -> new Named(g.id(), new CueSet(g.keywords()))).toList();
        return heard -> everyHeard(grievances, Signal.RESTATEMENT, heard);
    }

    /** Words from the start of a turn within which a question's opener must begin ("Okay, and can you tell me…"). */
    private static final int QUESTION_OPENING = 7;

    /**
     * A question about one of the scenario's facts (the first one heard), else any question: an opener near the
     * start of the turn ("what is" or "is this" in "I see what is happened" or "so it is with you this week" asks nothing).
     */
    static DetectionRule factQuestion(Scenario scenario) {
        List<Named> facts = scenario.facts().stream().map(f -> new Named(f.id(), new CueSet(f.askedBy()))).toList();
        return heard -> {
            List<Detection> asked = everyHeard(facts, Signal.FACT_QUESTION, heard);
            if (!asked.isEmpty()) return asked.subList(0, 1);
            return AgentCues.QUESTION_OPENERS.find(heard.opening(QUESTION_OPENING))
                    .map(p -> List.of(Detection.of(Signal.QUESTION, p))).orElse(List.of());
        };
    }

    static DetectionRule remedies(Scenario scenario) {
        List<Named> remedies = scenario.remedies().stream().map(r -> new Named(r.id(), new CueSet(r.phrases()))).toList();
        return heard -> everyHeard(remedies, Signal.REMEDY, heard);
    }

    /** A restatement opener that names none of the caller's grievances got the problem wrong (T4). */
    static DetectionRule wrongRestatement(Scenario scenario) {
        List<CueSet> grievances = scenario.grievances().stream().map(g -> new CueSet(g.keywords())).toList();
        return heard -> TechniqueCues.RESTATEMENT_OPENERS.find(heard)
                .filter(opener -> grievances.stream().noneMatch(g -> g.heardIn(heard)))
                .map(opener -> List.of(Detection.of(Signal.WRONG_RESTATEMENT, opener))).orElse(List.of());
    }

    /** Promises the scenario's policy forbids (T9); the subject is the phrase that matched. */
    static DetectionRule forbiddenPromises(Scenario scenario) {
        if (scenario.forbiddenPromises().isEmpty()) return heard -> List.of();
        CueSet forbidden = new CueSet(scenario.forbiddenPromises());
        return heard -> forbidden.find(heard).map(p -> List.of(new Detection(Signal.FORBIDDEN_PROMISE, p, p))).orElse(List.of());
    }

    /**
     * Ownership (T14): "I will", "let me" or "I'm going to" followed by what the agent will do, or a
     * stronger cue. A content word must follow, because the recogniser readily inserts a stray "I'll"
     * ("sorry you feel that way and I'll be").
     */
    static DetectionRule ownership() {
        return heard -> TechniqueCues.OWNERSHIP.find(heard).or(() -> commitment(heard.tokens()))
                .map(p -> List.of(Detection.of(Signal.OWNERSHIP, p))).orElse(List.of());
    }

    private static Optional<String> commitment(List<String> heard) {
        for (int i = 0; i + 2 < heard.size(); i++) {
            String opener = heard.get(i) + " " + heard.get(i + 1);
            boolean goingTo = opener.equals("going to") && i > 0 && heard.get(i - 1).equals("am");
            if (!(opener.equals("i will") || opener.equals("let me") || goingTo)) {
                // "I'm booking an engineer": an action in the present tense
                if (opener.equals("i am") && heard.get(i + 2).endsWith("ing") && ACTIONS.contains(Words.stem(heard.get(i + 2)))) {
                    return Optional.of(opener + " " + heard.get(i + 2));
                }
                continue;
            }
            int action = i + 2;
            if (ADVERBS.contains(heard.get(action)) && action + 1 < heard.size()) action++; // "I'll just fix it"
            String verb = heard.get(action);
            if (!Words.isContent(verb) || Words.isNegation(verb)) continue; // "I won't be spoken to like that"
            // "let me make sure I follow" checks the agent understood; it takes nothing on
            if (opener.equals("let me") && verb.equals("make") && action + 2 < heard.size() && heard.get(action + 2).equals("i")) continue;
            return Optional.of((goingTo ? "i am " : "") + opener + " " + verb);
        }
        return Optional.empty();
    }

    /** Handing the work to the caller, unless the agent is telling them they need not do anything (T14). */
    static DetectionRule deflection() {
        DetectionRule deflecting = cue(Signal.DEFLECTION, TechniqueCues.DEFLECTION);
        return heard -> TechniqueCues.NO_BURDEN.heardIn(heard) ? List.of() : deflecting.detect(heard);
    }

    /** The caller's first or last name (T14). */
    static DetectionRule nameUsed(Persona persona) {
        CueSet names = new CueSet(persona.nameWords().stream().map(w -> "*" + w).toList());
        return heard -> names.find(heard).map(n -> List.of(Detection.of(Signal.NAME_USED, n))).orElse(List.of());
    }

    /** A scenario item (grievance, fact, remedy) with the cues that name it. */
    private record Named(String id, CueSet cues) {}

    private static List<Detection> everyHeard(List<Named> items, Signal signal, Heard heard) {
        List<Detection> found = new ArrayList<>();
        for (Named item : items) {
            item.cues().find(heard).ifPresent(phrase -> found.add(new Detection(signal, phrase, item.id())));
        }
        return found;
    }
}
