package callsim.review.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that lets {@code ./callsim call} on this machine ask a running serve to place drills:
 * made at first start as {@code DATA_DIR/control-token}, readable by its owner only. Anyone who can
 * read the data directory can already read every drill, so it grants nothing more than that.
 */
public final class ControlToken {
    public static final String FILE = "control-token";
    private final byte[] token;

    private ControlToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the data directory's token, making one if there is none. */
    public static ControlToken load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException notPosix) {
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
            }
        }
        return new ControlToken(read(dataDir));
    }

    /** The token a client sends, from the same data directory. */
    public static String read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IOException("no " + file + ": start ./callsim serve with the same --data first");
        }
        return Files.readString(file).trim();
    }

    /** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
    boolean matches(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) return false;
        byte[] given = authorizationHeader.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
