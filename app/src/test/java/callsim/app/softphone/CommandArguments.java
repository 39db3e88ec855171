package callsim.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Checks on what goes into a linphonec command line, which splits its arguments at spaces. */
final class CommandArguments {
    private CommandArguments() {}

    static Path path(Path file, boolean mustExist) {
        if (file.toString().contains(" ")) {
            throw new IllegalArgumentException("linphonec cannot take paths with spaces: " + file);
        }
        if (mustExist ? !Files.isRegularFile(file) : !Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException((mustExist ? "no such file: " : "no such directory for: ") + file);
        }
        return file;
    }

    static Duration wavLength(Path wav) throws IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return Duration.ofMillis((long) (format.getFrameLength() * 1000L / format.getFormat().getFrameRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not a WAV file linphonec can play: " + wav, e);
        }
    }
}
