package callsim.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The phrases each technique detector listens for. Several variants per cue, because an agent can
 * say the same thing many ways and the recogniser will garble some of it; '*' marks a word that
 * must be heard (see {@link Cue}).
 */
final class AgentCues {
    static final CueSet EMPATHY = CueSet.of(
            "i *understand how frustrating", "i *understand why you are *upset", "i *understand how you feel",
            "i completely *understand", "i totally *understand", "i can *understand why",
            "i can see why you are *upset", "i can see why you are *frustrated", "i can *imagine how",
            "that must be *frustrating", "that must be *annoying", "that must be really *stressful",
            "that sounds *frustrating", "that sounds really *stressful", "i would be *upset too",
            "i would be *frustrated too", "i would feel the same", "you have every *right to be upset",
            "that is completely *understandable", "i hear you", "i know how *frustrating", "i get why you are *upset",
            "i *appreciate how *frustrating", "no wonder you are *upset",
            // the recogniser keeps "understand how/why" more often than the feeling word after it
            "i *understand how", "i *understand why", "i *understand *completely", "i can *hear how", "i can *tell you are",
            "*how *annoying", "*how *upsetting", "*how *stressful", "you are *right to be", "*every *reason to be",
            "*anyone would be", "*anybody would be", "*understandable", "i *hear your *frustration",
            "i completely *get *it", "i totally *get *it", "i *really *get *it", "would make *anyone *angry",
            "would make *anyone *upset", "would *drive *anyone");

    /** Ways of naming the caller's feeling, each followed by a feeling word (see {@link #feelingCues}). */
    private static final List<String> FEELING_FRAMES = List.of(
            "that must be", "that must have been", "that sounds", "that is", "i would be", "i would feel", "what a",
            "i can hear how", "i can understand why you are", "i understand why you are",
            "no wonder you are", "i can imagine how", "i can see how", "i can see why you are", "i can see you are",
            "i understand how", "i know how", "you have every reason to be", "you must be", "you must have been");
    private static final List<String> FEELINGS = List.of(
            "worrying", "worried", "upsetting", "upset", "annoying", "annoyed", "frustrating", "frustrated", "stressful",
            "stressed", "disappointing", "disappointed", "horrible", "awful", "terrible", "infuriating", "furious", "livid",
            "angry", "maddening", "nightmare", "scary", "unsettling", "exhausting", "fed up", "let down", "fuming",
            "gutted", "cross", "rotten", "unfair", "frightening", "frightened", "worried sick", "distressing",
            "miserable", "irritating", "irritated");

    /** "That must be really worrying", "I'd be livid", "what a stressful week": a frame, then a feeling word. */
    static final CueSet FEELING = new CueSet(feelingCues());

    private static List<String> feelingCues() {
        List<String> cues = new ArrayList<>();
        for (String frame : FEELING_FRAMES) {
            for (String feeling : FEELINGS) cues.add(frame + " *" + feeling.replace(" ", " *"));
        }
        return cues;
    }

    static final CueSet APOLOGY = CueSet.of(
            "i am *sorry", "i am so *sorry", "i am really *sorry", "*sorry about", "*sorry for",
            // what follows "sorry" names what it is for, so the recogniser may lose "I'm so" before it
            "*sorry that", "*sorry you", "*sorry your", "*sorry we", "*sorry the",
            "i *apologize", "i do *apologize", "my *apologies", "please *accept my *apologies", "we *apologize",
            "*apologies for", "*apologies that", "*really *sorry", "*so *sorry");

    /** Apologies that name no problem at all ("sorry for any inconvenience"). */
    static final CueSet BARE_APOLOGY = CueSet.of(
            "*sorry for the *inconvenience", "*sorry for any *inconvenience", "*apologize for any *inconvenience",
            "*sorry you feel that way", "*sorry if you are upset", "*apologies for any", "*sorry for any",
            "*apologize for the *inconvenience", "*apologies for the *inconvenience", "*sorry *if");

    /** "Sorry if that upset you": a conditional apology, no feeling acknowledged. */
    static final CueSet CONDITIONAL_APOLOGY = CueSet.of("*sorry *if");

    static final CueSet EXCUSE = CueSet.of(
            "it is the *system", "a *computer *error", "the *computer did", "not my *department",
            "*happens sometimes", "it is our *policy", "we are very *busy", "we are *short *staffed",
            "not our *fault", "*nothing i can *do", "the *bank *did", "*system *glitch", "that is just how it *works",
            // it happens, it is someone else's, it is the rules
            "*these *things *happen", "it *happens", "*not *much we can *do", "*not *much i can *do",
            "*nothing we can *do", "*out of my *hands", "*out of our *hands", "*different *department", "*another *department",
            "*rules are *rules", "are *stretched", "*busy *time of *year", "*held *up on", "*not our *company",
            "*not *really our *fault", "*not *down to us");

    static final CueSet ARGUING = CueSet.of(
            "that is not my *fault", "not my *problem", "you *should have", "you *need to *listen",
            "you have to *understand", "you are *wrong", "*don't *yell", "do not *yell at me", "stop *shouting",
            "no need to *shout", "if you would *just *listen", "*listen to *me", "you are being *unreasonable",
            "you are *overreacting", "*whatever", "*read the *terms", "that is your *problem", "do not *shout at me",
            "*not the *one who", "*not *know what *else to *tell you", "*not *know what to *tell you", "*not what our *records",
            "*you *must have *missed", "*if you had *followed", "*if you would *followed", "*if you would *listened");

    /** The well-known trigger. */
    static final CueSet CALM_DOWN = CueSet.of(
            "*calm *down", "*calm yourself", "*relax", "take a *deep *breath", "*settle *down", "*chill out", "*chill",
            "*worked *up", "*lower your *voice", "*calm *yourself *down");

    static final CueSet QUESTION_OPENERS = CueSet.of(
            "can you *tell me", "could you *tell me", "*can i *have", "*could i *have", "*may i *have", "*can i *get",
            "could you *give me", "*can you *confirm", "*could you *confirm", "what *is", "*when did", "*when was",
            "*which", "*how much", "did you", "have you", "*do you *have", "what *date", "*what *was", "*are *you", "*is *this",
            "*were *you", "*was *it");

    static final CueSet VAGUE_PROMISE = CueSet.of(
            "we will *look *into it", "i will *look *into it", "someone will *call you *back", "we will *get *back to you",
            "i will *pass it on", "i will *escalate", "i will make a *note", "it should *sort itself out",
            "*someone will be in *touch", "*someone *should be in *touch", "*someone will *get *back to you",
            "i will *raise it", "*see what they *say", "*sort *something out", "i will *pass this on",
            "*someone will *look", "once we *know *more", "i will *log it");

    static final CueSet CLOSING = CueSet.of(
            "*anything *else i can help", "is there *anything *else", "*thank you for your *patience",
            "*thanks for your *patience", "*thank you for *calling", "have a *good *day", "you will *receive *confirmation",
            "*something *else i can", "*anything *more i can", "is there *anything *more", "*thanks for *bearing with",
            "*thank you for *bearing with", "have a *lovely", "have a *nice *day", "have a *good *evening",
            "*rest of your *day", "*rest of your *evening", "*rest of your *week", "*anything *else you *need");

    /** Offers of action ("I will", "let me", "I can") that give a remedy phrase its weight. */
    static final CueSet OWNERSHIP = CueSet.of("i *will", "*let *me", "i *can", "we *can", "i am *going to", "what i *can do");

    private AgentCues() {}

    /** Every cue phrase, marker-free, for language models. */
    static List<String> allPhrases() {
        Set<String> phrases = new LinkedHashSet<>();
        Stream.of(EMPATHY, APOLOGY, BARE_APOLOGY, EXCUSE, ARGUING, CALM_DOWN, QUESTION_OPENERS, VAGUE_PROMISE, CLOSING)
                .forEach(set -> phrases.addAll(set.phrases()));
        return List.copyOf(phrases);
    }
}
