package callsim.app.cli;

import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSettings;
import callsim.speech.WavFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Print the recognised text of each WAV file (mono or stereo, any common rate), one line per file.")
final class TranscribeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.wav")
    List<Path> files;

    @Override
    public Integer call() {
        // Every file is read first: a missing or broken one is reported at once, not after the recogniser loads.
        Map<Path, WavFile.Audio> readable = new LinkedHashMap<>();
        int failures = 0;
        for (Path file : files) {
            try {
                readable.put(file, WavFile.read(file));
            } catch (java.nio.file.NoSuchFileException e) {
                failures++;
                System.err.println("callsim: " + file + ": no such file");
            } catch (Exception e) {
                failures++;
                System.err.println("callsim: " + file + ": " + e.getMessage());
            }
        }
        if (readable.isEmpty()) return 1;
        System.err.println("callsim: loading the speech recogniser (about 30 s)...");
        try (RecognizerPool pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1))) {
            for (Map.Entry<Path, WavFile.Audio> entry : readable.entrySet()) {
                try {
                    WavFile.Audio audio = entry.getValue();
                    System.out.println(entry.getKey() + ": " + pool.transcribe(audio.samples(), audio.sampleRate()));
                } catch (RuntimeException e) {
                    failures++;
                    System.err.println("callsim: " + entry.getKey() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
