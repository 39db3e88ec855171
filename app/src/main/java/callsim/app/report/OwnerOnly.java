package callsim.app.report;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Recordings and transcripts are personal data: the data directory is 700 and what callsim writes in
 * it 600, whatever the umask. On file systems without POSIX permissions this does nothing.
 */
public final class OwnerOnly {
    private static final Logger LOG = System.getLogger(OwnerOnly.class.getName());
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) as 700; an existing one readable by others is made 700, said once in the log. */
    public static void dataDirectory(Path dir) throws IOException {
        directories(dir);
        if (!posix(dir)) return;
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (!now.equals(DIRECTORY) && now.containsAll(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
            LOG.log(Level.WARNING, "the data directory " + dir.toAbsolutePath() + " was "
                    + PosixFilePermissions.toString(now) + ", open to other users; made it rwx------ (recordings are personal data)");
        }
    }

    /** Creates {@code dir} and any missing parents, each new one 700. */
    public static void directories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) directories(parent);
        try {
            if (posix(parent)) Files.createDirectory(dir, attribute(DIRECTORY));
            else Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) throw raced;
        }
    }

    /** Creates an empty file readable by its owner only, unless it exists. */
    public static void file(Path file) throws IOException {
        if (Files.exists(file)) return;
        try {
            if (posix(file.toAbsolutePath().getParent())) Files.createFile(file, attribute(FILE));
            else Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            // someone made it first: fine
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.exists(path) && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
