package callsim.bench;

import callsim.core.DrillEvent;
import callsim.speech.RecognitionSession;
import callsim.speech.RecognizedTurn;
import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSetup;
import callsim.speech.SpeakerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Figure (f): the confidence the live recogniser gives clear English turns and unintelligible ones, after
 * the phone channel, and the share of each counted as heard at a range of thresholds; the threshold in use
 * is {@link DrillEvent.AgentTurn#HEARD_CLEARLY}.
 *
 * <p>Usage: {@code bench/run confidence [SENTENCES] [SET-UP]} (held-out English sentences per voice, default
 * 20; the recogniser set-up, default {@code live}: {@code accurate} gives the post-call pass's confidences).
 * Clear English: flite slt and rms, espeak-ng en-us, and the human recordings of pocketsphinx-testdata (LibriVox,
 * playing cards; each set one speaker). Unintelligible: espeak-ng German, French and
 * Spanish ({@code other-languages.txt}), bursts of white and brown noise (seeded), and babble (three
 * English voices at once). Needs espeak-ng, sox, flite and pocketsphinx-testdata.
 */
public final class ConfidenceBench {
    private static final int FRAME = 160;
    private static final double[] THRESHOLDS = {0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80};

    private ConfidenceBench() {
    }

    public static void main(String[] args) throws Exception {
        int perVoice = args.length > 0 ? Integer.parseInt(args[0].trim()) : 20;
        RecognizerSetup setup = args.length > 1 ? RecognizerSetup.named(args[1].trim()) : RecognizerSetup.LIVE;
        List<String> english = Corpora.lines("held-out-agent.txt");
        Corpora.requireHeldOut(english);
        english = english.subList(0, Math.min(perVoice, english.size()));
        PhoneChannel.requireFlite(PhoneChannel.FLITE_VOICES);

        Map<String, List<short[]>> clear = new LinkedHashMap<>();
        for (PhoneChannel.Voice voice : List.of(PhoneChannel.FLITE_VOICES.get(0), PhoneChannel.FLITE_VOICES.get(1), PhoneChannel.VOICES.get(0))) {
            List<short[]> turns = new ArrayList<>();
            for (String sentence : english) turns.add(PhoneChannel.speak(sentence, voice));
            clear.put(voice.label(), turns);
        }
        for (HumanRecordings.RecordingSet set : HumanRecordings.SETS) { // real voices: a threshold must not lose them
            List<short[]> turns = new ArrayList<>();
            for (HumanRecordings.Utterance u : HumanRecordings.load(set, perVoice)) turns.add(PhoneChannel.fromFile(u.audio()));
            clear.put(set.label(), turns);
        }
        Map<String, List<short[]>> unclear = new LinkedHashMap<>();
        for (String line : Corpora.lines("other-languages.txt")) {
            String[] parts = line.split("\\|", 2);
            unclear.computeIfAbsent("espeak-ng " + parts[0], k -> new ArrayList<>())
                .add(PhoneChannel.speak(parts[1], new PhoneChannel.Espeak(parts[0], 150, 50)));
        }
        Random random = new Random(6);
        for (int i = 0; i < 8; i++) {
            double level = i % 2 == 0 ? 2000 : 8000;
            unclear.computeIfAbsent("white noise", k -> new ArrayList<>()).add(noiseBurst(random, level, false));
            unclear.computeIfAbsent("brown noise", k -> new ArrayList<>()).add(noiseBurst(random, level, true));
        }
        for (int i = 0; i + 2 < english.size(); i += 3) {
            unclear.computeIfAbsent("babble", k -> new ArrayList<>()).add(mixed(
                PhoneChannel.speak(english.get(i), PhoneChannel.FLITE_VOICES.get(0)),
                PhoneChannel.speak(english.get(i + 1), PhoneChannel.FLITE_VOICES.get(1)),
                PhoneChannel.speak(english.get(i + 2), PhoneChannel.VOICES.get(2))));
        }

        Map<String, double[]> clearScores = new LinkedHashMap<>();
        Map<String, double[]> unclearScores = new LinkedHashMap<>();
        try (RecognizerPool pool = RecognizerPool.start(Corpora.serverSettings(1).withSetup(setup))) {
            clear.forEach((set, turns) -> clearScores.put(set, decode(pool, set, turns, true)));
            unclear.forEach((set, turns) -> unclearScores.put(set, decode(pool, set, turns, false)));
        }

        System.out.printf(Locale.ROOT, "%nturn confidence (%s set-up), %d held-out English sentences per voice; threshold in use %.2f%n%n",
            setup.name(), english.size(), DrillEvent.AgentTurn.HEARD_CLEARLY);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-22s | %3s | %4s | %4s | %6s | %4s |", "set", "n", "min", "p5", "median", "max"));
        for (double t : THRESHOLDS) header.append(String.format(Locale.ROOT, " ≥%.2f |", t));
        System.out.println(header);
        System.out.println("|" + "---|".repeat(6 + THRESHOLDS.length));
        List<Double> allClear = new ArrayList<>();
        List<Double> allUnclear = new ArrayList<>();
        clearScores.forEach((set, scores) -> {
            row("clear: " + set, scores);
            Arrays.stream(scores).forEach(allClear::add);
        });
        row("clear English, all", allClear.stream().mapToDouble(Double::doubleValue).toArray());
        unclearScores.forEach((set, scores) -> {
            row("unclear: " + set, scores);
            Arrays.stream(scores).forEach(allUnclear::add);
        });
        row("unintelligible, all", allUnclear.stream().mapToDouble(Double::doubleValue).toArray());
        double[] all = allClear.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // the highest threshold (in steps of 0.05) that still counts at least 95% of clear English as heard
        double choice = 0;
        for (double t : THRESHOLDS) if (shareAtLeast(all, t) >= 0.95) choice = t;
        System.out.printf(Locale.ROOT, "%nhighest threshold hearing >= 95%% of clear English: %.2f%n", choice);
    }

    private static double[] decode(RecognizerPool pool, String set, List<short[]> turns, boolean oneSpeaker) {
        SpeakerProfile voice = new SpeakerProfile(); // one voice per set, as one agent in a drill
        double[] scores = new double[turns.size()];
        for (int i = 0; i < turns.size(); i++) {
            RecognitionSession session = pool.startTurn(oneSpeaker ? voice : new SpeakerProfile());
            short[] pcm = turns.get(i);
            for (int at = 0; at < pcm.length; at += FRAME) session.feed(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + FRAME)));
            RecognizedTurn heard = session.finish().join();
            scores[i] = heard.confidence();
            System.err.printf(Locale.ROOT, "%s\t%.2f\t%s%n", set, heard.confidence(), heard.words());
        }
        return scores;
    }

    private static void row(String set, double[] scores) {
        double[] s = scores.clone();
        Arrays.sort(s);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-22s | %3d | %.2f | %.2f | %.2f | %.2f |", set, s.length,
            s[0], s[(int) Math.floor(0.05 * (s.length - 1))], s[s.length / 2], s[s.length - 1]));
        for (double t : THRESHOLDS) row.append(String.format(Locale.ROOT, " %4.0f%% |", 100 * shareAtLeast(s, t)));
        System.out.println(row);
    }

    private static double shareAtLeast(double[] scores, double threshold) {
        return Arrays.stream(scores).filter(c -> c >= threshold).count() / (double) scores.length;
    }

    /** 0.6 s of quiet, 1.5 s of noise at {@code rms} (brown: integrated white, a rumble), 0.8 s of quiet; 16 kHz into the channel. */
    private static short[] noiseBurst(Random random, double rms, boolean brown) {
        short[] wide = new short[16000 * 29 / 10];
        double level = 0;
        for (int i = 9600; i < 9600 + 24000; i++) {
            double white = random.nextGaussian();
            level = brown ? 0.98 * level + white * 0.2 : white;
            wide[i] = (short) Math.max(-32768, Math.min(32767, level * rms));
        }
        return PhoneChannel.line(wide);
    }

    /** Voices talking at once, each at half level, as long as the longest. */
    private static short[] mixed(short[]... voices) {
        int length = Arrays.stream(voices).mapToInt(v -> v.length).max().orElse(0);
        short[] mix = new short[length];
        for (int i = 0; i < length; i++) {
            int sum = 0;
            for (short[] v : voices) sum += i < v.length ? v[i] : 0;
            mix[i] = (short) Math.max(-32768, Math.min(32767, sum / 2));
        }
        return mix;
    }
}
