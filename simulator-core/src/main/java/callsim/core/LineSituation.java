package callsim.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** What the caller is reacting to; each situation has its own pool of lines per anger band. */
public enum LineSituation {
    /** The caller's opening complaint; optional variants by band, besides the scenario's {@code opening}. */
    OPENING(EnumSet.noneOf(AngerBand.class)),
    /** The agent showed they understand how the caller feels. */
    EMPATHY(EnumSet.allOf(AngerBand.class)),
    /** The agent apologised (specifically or not). */
    APOLOGY(EnumSet.allOf(AngerBand.class)),
    /** The agent offered a remedy that meets the caller's need. */
    SOLUTION(EnumSet.allOf(AngerBand.class)),
    /** The agent offered something that does not meet the need, or only promised vaguely. */
    WEAK_OFFER(EnumSet.noneOf(AngerBand.class)),
    /** The agent cut the caller off ("let me finish"). */
    INTERRUPTED(EnumSet.allOf(AngerBand.class)),
    /** The caller talks over an agent who will not stop. */
    BARGE_IN(EnumSet.of(AngerBand.FURIOUS)),
    /** The agent asked to put the caller on hold. */
    HOLD_ASKED(EnumSet.noneOf(AngerBand.class)),
    /** The agent came back from hold. */
    AFTER_HOLD(EnumSet.allOf(AngerBand.class)),
    /** Nobody has said anything for a while ("hello, are you still there?"). */
    DEAD_AIR(EnumSet.allOf(AngerBand.class)),
    /** The agent argued, blamed the caller or said "calm down". */
    ARGUING(EnumSet.allOf(AngerBand.class)),
    /** Satisfied: thanks the agent and says goodbye. */
    CLOSING(EnumSet.of(AngerBand.SATISFIED, AngerBand.CALMING)),
    /** The caller has had enough and hangs up. */
    HANG_UP(EnumSet.of(AngerBand.FURIOUS, AngerBand.ANGRY)),
    /**
     * The agent's turn did not come through clearly (noise, another language): the caller asks again, as
     * on a bad line. Optional; a scenario without these lines uses {@link NotHeardLines#DEFAULTS}.
     */
    NOT_HEARD(EnumSet.noneOf(AngerBand.class)),
    /** Anything else: the caller carries on about the problem. */
    CONTINUATION(EnumSet.allOf(AngerBand.class)),
    /** The agent transfers the caller to a supervisor; the last line before the drill ends escalated. */
    TRANSFER(EnumSet.of(AngerBand.FURIOUS, AngerBand.ANGRY, AngerBand.FRUSTRATED)),
    /** The agent restated the problem wrongly; the caller corrects them, irritated. */
    CORRECTION(EnumSet.noneOf(AngerBand.class)),
    /** The agent restated the problem correctly ("yes, exactly"). */
    CONFIRMATION(EnumSet.noneOf(AngerBand.class)),
    /** An abusive caller swears or insults (persona.abusive). */
    ABUSE(EnumSet.noneOf(AngerBand.class), EnumSet.of(AngerBand.FURIOUS, AngerBand.ANGRY), Persona::abusive,
            "an abusive persona"),
    /** The agent set a calm boundary after abuse; the caller tones down. */
    BOUNDARY(EnumSet.noneOf(AngerBand.class), EnumSet.of(AngerBand.ANGRY, AngerBand.FRUSTRATED), Persona::abusive,
            "an abusive persona"),
    /** A caller who insists on a supervisor demands one. */
    SUPERVISOR_DEMAND(EnumSet.noneOf(AngerBand.class), EnumSet.of(AngerBand.FURIOUS, AngerBand.ANGRY, AngerBand.FRUSTRATED),
            Persona::insistsOnSupervisor, "a persona who insists on a supervisor");

    private final EnumSet<AngerBand> requiredBands;
    private final EnumSet<AngerBand> personaBands;
    private final Predicate<Persona> personaNeeds;
    private final String personaReason;

    LineSituation(EnumSet<AngerBand> requiredBands) {
        this(requiredBands, EnumSet.noneOf(AngerBand.class), persona -> false, "");
    }

    LineSituation(EnumSet<AngerBand> requiredBands, EnumSet<AngerBand> personaBands, Predicate<Persona> personaNeeds,
            String personaReason) {
        this.requiredBands = requiredBands;
        this.personaBands = personaBands;
        this.personaNeeds = personaNeeds;
        this.personaReason = personaReason;
    }

    /** Bands a scenario with this persona must write lines for (the persona flags add some). */
    public Set<AngerBand> requiredBands(Persona persona) {
        EnumSet<AngerBand> bands = EnumSet.copyOf(requiredBands);
        if (personaNeeds.test(persona)) bands.addAll(personaBands);
        return bands;
    }

    /** Why the persona needs these lines ("an abusive persona"), or empty. */
    public String personaReason() {
        return personaReason;
    }

    /** Bands a scenario must write lines for; other bands fall back to the nearest band that has lines. */
    public Set<AngerBand> requiredBands() {
        return EnumSet.copyOf(requiredBands);
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
