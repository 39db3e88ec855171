package callsim.app.cli;

import callsim.speech.RecognizerPool;
import callsim.speech.RecognizerSettings;
import callsim.speech.RecognizerSetup;
import callsim.speech.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Print the recognised text of each WAV file (mono or stereo, any common rate), one line per file.",
            "By default the call-centre language model mixed with general English: a recording can be about anything."})
final class TranscribeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.wav")
    List<Path> files;

    @ArgGroup(exclusive = true)
    LanguageModelChoice languageModel;

    static final class LanguageModelChoice {
        @Option(names = "--domain", description = "only the call-centre language model (agent phrasing; forces other speech onto it)")
        boolean domain;

        @Option(names = "--generic", description = "only Sphinx4's general English model (slower, weaker on agent phrasing)")
        boolean generic;
    }

    @Override
    public Integer call() {
        // every file is read before a model loads: a typo costs a second, not a recogniser's start-up
        Map<Path, WavFile.Audio> readable = new LinkedHashMap<>();
        int failures = 0;
        for (Path file : files) {
            try {
                if (Files.isDirectory(file)) throw new IOException("is a directory, not a WAV file");
                readable.put(file, WavFile.read(file));
            } catch (NoSuchFileException e) {
                failures++;
                System.err.println("callsim: " + file + ": no such file");
            } catch (IOException | RuntimeException e) {
                failures++;
                System.err.println("callsim: " + file + ": " + e.getMessage());
            }
        }
        if (readable.isEmpty()) return 1;
        System.err.println("callsim: loading the speech recogniser (" + setup().name() + " language model)...");
        try (RecognizerPool pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1).withSetup(setup()))) {
            for (Map.Entry<Path, WavFile.Audio> entry : readable.entrySet()) {
                WavFile.Audio audio = entry.getValue();
                System.out.println(entry.getKey() + ": " + pool.transcribe(audio.samples(), audio.sampleRate()));
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private RecognizerSetup setup() {
        if (languageModel != null && languageModel.domain) return RecognizerSetup.DOMAIN;
        if (languageModel != null && languageModel.generic) return RecognizerSetup.GENERIC;
        return RecognizerSetup.ACCURATE;
    }
}
