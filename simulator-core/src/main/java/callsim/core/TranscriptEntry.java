package callsim.core;

/** One line of the drill's transcript, times on the media clock. */
public record TranscriptEntry(Speaker speaker, long startMs, long endMs, String text) {}
