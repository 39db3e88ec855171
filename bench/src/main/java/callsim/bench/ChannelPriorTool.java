package callsim.bench;

import callsim.speech.ChannelPrior;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSetup;
import callsim.speech.SpeakerProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns the phone line's prior ({@link ChannelPrior}) and writes it where the speech module bundles it.
 *
 * <p>Usage: {@code bench/run channel-prior [OUTPUT]} (default: the speech module's resource). The prior is the
 * live set-up's speaker adaptation to many voices at once, all through the phone channel: the human recordings
 * of pocketsphinx-testdata that no benchmark scores (no transcripts ship with them) and Harvard sentences spoken
 * by flite awb and kal and espeak-ng en-gb (with the sentences in the language model for the run, so the recognised path the
 * adaptation learns from is nearly the words said), none of them a voice or sentence that {@code bench/run recognition}
 * scores. Needs flite, espeak-ng, sox and pocketsphinx-testdata; fails naming what is missing.
 */
public final class ChannelPriorTool {
    static final Path DEFAULT_OUTPUT = Path.of("speech/src/main/resources/callsim/speech/channel-prior.txt");
    /** Human speech without transcripts in pocketsphinx-testdata: 16 kHz raw, about 12 s, several speakers. */
    private static final List<String> HUMAN = List.of("goforward.raw", "numbers.raw", "something.raw", "tidigits/dhd.2934z.raw");
    /** Harvard sentences (IEEE 1969, lists 1 and 2): phonetically balanced, in no corpus callsim scores against. */
    private static final List<String> HARVARD = List.of(
        "The birch canoe slid on the smooth planks.", "Glue the sheet to the dark blue background.",
        "It's easy to tell the depth of a well.", "These days a chicken leg is a rare dish.",
        "Rice is often served in round bowls.", "The juice of lemons makes fine punch.",
        "The box was thrown beside the parked truck.", "The hogs were fed chopped corn and garbage.",
        "Four hours of steady work faced us.", "Large size in stockings is hard to sell.",
        "The boy was there when the sun rose.", "A rod is used to catch pink salmon.",
        "The source of the huge river is the clear spring.", "Kick the ball straight and follow through.",
        "Help the woman get back to her feet.", "A pot of tea helps to pass the evening.",
        "Smoky fires lack flame and heat.", "The soft cushion broke the man's fall.",
        "The salt breeze came across from the sea.", "The girl at the booth sold fifty bonds.");

    private ChannelPriorTool() {
    }

    public static void main(String[] args) throws Exception {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        if (!Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("no directory for " + output.toAbsolutePath() + "; run from the checkout's root");
        }
        List<PhoneChannel.Flite> flite = List.of(new PhoneChannel.Flite("awb"), new PhoneChannel.Flite("kal"));
        PhoneChannel.requireFlite(flite);
        List<PhoneChannel.Voice> voices = List.of(flite.get(0), flite.get(1), new PhoneChannel.Espeak("en-gb", 150, 50));
        List<short[]> speech = new ArrayList<>();
        for (String file : HUMAN) {
            Path raw = HumanRecordings.TEST_DATA.resolve(file);
            if (!Files.isRegularFile(raw)) {
                throw new IllegalStateException("no " + raw + "; install the Debian package: apt-get install pocketsphinx-testdata");
            }
            speech.add(PhoneChannel.fromRaw16k(raw));
        }
        for (int i = 0; i < HARVARD.size(); i++) speech.add(PhoneChannel.speak(HARVARD.get(i), voices.get(i % voices.size())));

        // learnt through the model as loaded: a prior learnt through an earlier prior would drift with each re-run
        RecognizerSetup setup = RecognizerSetup.LIVE.with("channelPrior", "false");
        SpeakerProfile channel = new SpeakerProfile();
        double seconds = 0;
        // Adapting learns from the recognised path, so the sentences join the language model for this run: the
        // path is then nearly the words said (without them about a third of the words were misheard)
        try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1).withExtraSentences(HARVARD).withSetup(setup))) {
            for (short[] line : speech) {
                seconds += line.length / (double) PhoneChannel.LINE_RATE;
                System.err.println("heard: " + pool.transcribe(line, PhoneChannel.LINE_RATE, channel));
            }
        }
        String text = ChannelPrior.text(channel, List.of(
            "callsim's phone-line prior for Sphinx4's en-us model: the speaker adaptation an agent's first turns are heard through",
            "made " + LocalDate.now() + " by `bench/run channel-prior` with the set-up " + setup.name() + ", from "
                + Math.round(seconds) + " s of speech through the 8 kHz G.711 channel (" + Math.round(channel.adaptedSeconds())
                + " s of it heard clearly enough to learn from):",
            "pocketsphinx-testdata's " + String.join(", ", HUMAN) + " and Harvard sentences (lists 1 and 2, added to the language",
            "model for the run) spoken by flite awb, flite kal and espeak-ng en-gb in turn; no voice or sentence `bench/run recognition` scores"));
        Files.writeString(output, text, StandardCharsets.UTF_8);
        System.out.printf("Wrote %s: learnt from %.0f s of speech, %.0f s of it heard clearly.%n", output, seconds,
            channel.adaptedSeconds());
    }
}
