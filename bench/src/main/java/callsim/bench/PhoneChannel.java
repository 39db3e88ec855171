package callsim.bench;

import callsim.speech.Resampler;
import callsim.telephony.G711;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Agent speech as the recogniser gets it from a call: espeak-ng, 16 kHz (sox), resampled to 8 kHz
 * with the pipeline's {@link Resampler}, then a G.711 µ-law encode/decode round trip.
 */
final class PhoneChannel {
    static final int LINE_RATE = 8000;

    /** An espeak-ng voice: name ("en-us", "en-us+f3"), words per minute and pitch (0-99). */
    record Voice(String name, int wordsPerMinute, int pitch) {
        String label() {
            return name + " s" + wordsPerMinute + " p" + pitch;
        }
    }

    static final List<Voice> VOICES = List.of(
        new Voice("en-us", 150, 50), new Voice("en-gb", 150, 50),
        new Voice("en-us+f3", 150, 50), new Voice("en-us", 185, 30));

    private PhoneChannel() {
    }

    /** 8 kHz µ-law-round-tripped samples of {@code text} spoken by {@code voice}. */
    static short[] speak(String text, Voice voice) throws IOException, InterruptedException {
        String command = "espeak-ng -v " + voice.name() + " -s " + voice.wordsPerMinute() + " -p " + voice.pitch()
            + " --stdout \"$1\" | sox -q -t wav - -r 16000 -b 16 -c 1 -e signed-integer -L -t raw -";
        Process process = new ProcessBuilder("sh", "-c", command, "speak", text)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw;
        try (InputStream out = process.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            out.transferTo(buffer);
            raw = buffer.toByteArray();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("espeak-ng | sox did not finish for: " + text);
        }
        if (process.exitValue() != 0 || raw.length < 2) throw new IOException("espeak-ng | sox failed for: " + text);
        short[] wide = new short[raw.length / 2];
        for (int i = 0; i < wide.length; i++) wide[i] = (short) ((raw[2 * i + 1] << 8) | (raw[2 * i] & 0xff));
        short[] line = Resampler.resample(wide, 16000, LINE_RATE);
        for (int i = 0; i < line.length; i++) line[i] = G711.ulawToLinear(G711.linearToUlaw(line[i]));
        return line;
    }
}
