package callsim.core;

import java.util.Optional;

/**
 * The caller's side of the floor: which utterance is playing (from the Speak until its end arrives)
 * and at most one reply waiting for it to finish, so the caller never talks over themself.
 */
final class CallerFloor {
    /** A reply waiting for the current utterance to end; a higher priority replaces a lower one. */
    record Pending(String text, int priority, boolean mayTalkOverAgent) {}

    private final CallerTranscript transcript;
    private int nextId = 1;
    private int currentId = -1;
    private Pending pending;

    CallerFloor(CallerTranscript transcript) {
        this.transcript = transcript;
    }

    boolean speaking() {
        return currentId >= 0;
    }

    int currentId() {
        return currentId;
    }

    CallerAction.Speak speak(String text, int anger, boolean overAgent) {
        int id = nextId++;
        currentId = id;
        transcript.spoken(id, text);
        return new CallerAction.Speak(id, text, anger, overAgent);
    }

    void queue(Pending reply) {
        if (pending == null || reply.priority() >= pending.priority()) pending = reply;
    }

    /** The utterance ended; returns the reply that was waiting for it, if any. */
    Optional<Pending> ended(int utteranceId) {
        if (utteranceId != currentId) return Optional.empty();
        currentId = -1;
        Optional<Pending> next = Optional.ofNullable(pending);
        pending = null;
        return next;
    }

    boolean hasPending() {
        return pending != null;
    }

    void dropPending() {
        pending = null;
    }
}
