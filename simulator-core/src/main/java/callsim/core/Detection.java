package callsim.core;

/**
 * One signal heard in an agent turn. {@code evidence} is the cue phrase that matched; {@code subjectId}
 * names the scenario item concerned (remedy, fact or grievance id) or is empty.
 */
public record Detection(Signal signal, String evidence, String subjectId) {
    static Detection of(Signal signal, String evidence) {
        return new Detection(signal, evidence, "");
    }
}
