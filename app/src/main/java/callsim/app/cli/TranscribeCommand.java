package callsim.app.cli;

import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSettings;
import callsim.speech.WavFile;
import java.nio.file.Path;
import java.util.List;
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
        int failures = 0;
        try (RecognizerPool pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1))) {
            for (Path file : files) {
                try {
                    WavFile.Audio audio = WavFile.read(file);
                    System.out.println(file + ": " + pool.transcribe(audio.samples(), audio.sampleRate()));
                } catch (java.nio.file.NoSuchFileException e) {
                    failures++;
                    System.err.println("callsim: " + file + ": no such file");
                } catch (Exception e) {
                    failures++;
                    System.err.println("callsim: " + file + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
