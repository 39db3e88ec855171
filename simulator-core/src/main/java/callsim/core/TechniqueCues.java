package callsim.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cue phrases for the techniques beyond the caller-facing basics of {@link AgentCues}: restating,
 * closing, boundaries, escalation, courtesy and ownership. Same '*' key-word convention (see {@link Cue}).
 */
final class TechniqueCues {
    /** Openers of a restatement; with no grievance named it is a wrong restatement. */
    static final CueSet RESTATEMENT_OPENERS = CueSet.of(
            "so what you are *saying", "so you are *saying", "if i *understand *correctly", "if i have this *right",
            "just to make *sure i have this *right", "let me make *sure i *understand", "what i am *hearing is",
            "so if i *understand", "just so i *understand", "to *sum up");

    static final CueSet NEXT_STEP = CueSet.of(
            "*business *days", "*three to *five *days", "*within *days", "*reach your *account", "*back in your *account", "you will *see it", "you will *see the", "you will *receive", "i will *email you",
            "i will *send you", "*confirmation *email", "*email *confirming", "*within *hours", "by *tomorrow",
            "the *next *step", "*show up in your", "*i will *call you *back", "*reference *number *for this",
            "you will *get a", "you will *get an", "*tracking *email", "*tracking *number", "by *tonight", "*this *afternoon",
            "*this *evening", "i will *text you", "*send you a *text", "*tracking *link", "*tomorrow *morning",
            "*tomorrow *afternoon", "*be *with you *by", "*be *with you *before", "*be *with you *between",
            "*be *with you *tomorrow", "*will *reach you", "*working *days", "*takes *about",
            "*email you *within", "*within the *hour");

    static final CueSet ANYTHING_ELSE = CueSet.of(
            "*anything *else i can", "is there *anything *else", "*anything *else you *need", "*something *else i can",
            "*anything *more i can", "is there *anything *more", "*anything *else you *wanted");

    static final CueSet CLOSING_THANKS = CueSet.of(
            "*thank you for your *patience", "*thanks for your *patience", "*thank you for *calling",
            "*thank you for *holding", "*thanks for *holding", "*thank you for *bearing with", "*appreciate your *patience",
            "have a *good *day", "have a *great *day", "*thanks for *bearing with", "have a *lovely", "have a *nice *day",
            "have a *good *evening", "*rest of your *day", "*rest of your *evening", "*rest of your *week",
            "*thank you for *being so *patient", "*thanks for being so *patient");

    /** "I want to help, but I need us to keep this respectful" and its variants. */
    static final CueSet BOUNDARY = CueSet.of(
            "i want to *help but i *need us to keep this *respectful", "i *need us to *keep this", "keep this *respectful", "keep it *respectful",
            "*respectful *conversation", "*please do not *swear", "*please *stop *swearing", "*without the *language",
            "not *okay to *insult", "*no need for *insults", "i will not *accept *abuse", "*please do not *insult",
            "*keep *swearing", "*stop the *swearing", "*stop *swearing", "*the *swearing", "*sworn at", "*name *calling",
            "*call me *names", "*stop the *insults", "*insulting me", "*that *language", "*bad *language",
            "*abusive", "*abuse *continues", "*language *continues", "i will not *continue if", "i can not *continue if",
            "*have to *end this *call", "*have to *end the *call", "*have to *hang up", "*keep it *civil",
            "*speak to me *respectfully", "*spoken to like *that", "will not be *spoken to",
            "*help you *but i *need you to", "*help *but i *need you to", "*happy to *help *but", "*trying to *help *but",
            "*help you *but *not *if", "*help *but *not *if", "*stop *shouting at me",
            "*abuse *carries on", "*if the *abuse");

    /** A transfer to a supervisor or manager (not just mentioning one). */
    static final CueSet ESCALATION = CueSet.of(
            "*transfer you to my *supervisor", "*transfer you to a *supervisor", "*transfer you to my *manager",
            "*transfer you to a *manager", "*put you *through to my *supervisor", "*put you *through to a *manager",
            "*put you *through to my *manager", "let me *get my *supervisor", "let me *get a *manager",
            "*get my *supervisor on the *line", "*bring in my *supervisor", "*connect you *with my *supervisor",
            "*connect you *with a *manager", "*bring my *supervisor", "*bring in a *supervisor", "*bring my *manager",
            "*bring in a *manager", "*transfer you to the *supervisor", "*pass you to my *supervisor", "*pass you to a *manager",
            "*hand you *over to my *supervisor", "*hand you *over to a *manager", "*connect you *with my *manager",
            "*transfer you to my *team *leader", "*get my *team *leader", "*get my *manager", "*get a *supervisor");

    static final CueSet POLITENESS = CueSet.of("*please", "*thank you", "*thanks");

    /** Ownership beyond a bare "I will" / "let me" / "I'm going to" + action (TurnAnalyzer#ownership). */
    static final CueSet OWNERSHIP = CueSet.of("i *personally", "i will *make *sure", "*what i will *do",
            "i *can *help", "i *can *refund", "i *can *sort", "i *can *fix", "i *can *arrange", "i *can *offer", "i *can *do",
            "i *can *cover", "i *can *credit", "i *can *reverse", "i *can *waive", "i *can *send",
            "i *can *book", "i *can *replace", "i *can *add", "i *can *take *care");

    /** Handing the work back to the caller ("you" is a key word: "i will have to" is no deflection). */
    static final CueSet DEFLECTION = CueSet.of(
            "*you *will *have to", "not my *department", "*nothing i can *do", "*you *need to *contact", "*you *have to *contact",
            "*call *another *number", "*you *should *contact", "*not *something i *deal with", "*take it up *with",
            "*you *need to *fill", "*you will *need to *fill", "*fill in the *form", "*fill in a *form", "*you *need to *go to",
            "*you *need to *call *your", "*you will *need to *call", "*you *need to *ring", "*you will *need to *ring",
            "*you *need to *email", "*you *need to *write", "*you *need to *speak to", "*you *have to *call", "*you *have to *ring",
            "*you *have to *go to", "*you *have to *fill", "*you *have to *book", "*you *would *have to", "*you *would *need to",
            "*you *need to *file", "*you will *need to *file", "*you will *need to *take it", "*you *need to *take it",
            "*you will *need to *contact", "*you will *need to *email", "*deal *with it *yourself");

    /** Reassurance that sounds like a deflection to a word matcher ("you won't have to do anything"). */
    static final CueSet NO_BURDEN = CueSet.of(
            "you will *not *have to", "you do *not *have to", "you do *not *need to", "*no *need for you to");

    private TechniqueCues() {}

    /** Every cue phrase, marker-free, for language models (POLITENESS and OWNERSHIP are too short to help). */
    static List<String> allPhrases() {
        Set<String> phrases = new LinkedHashSet<>();
        Stream.of(RESTATEMENT_OPENERS, NEXT_STEP, ANYTHING_ELSE, CLOSING_THANKS, BOUNDARY, ESCALATION, DEFLECTION)
                .forEach(set -> phrases.addAll(set.phrases()));
        return List.copyOf(phrases);
    }
}
