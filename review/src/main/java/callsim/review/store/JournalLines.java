package callsim.review.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Complete lines of a growing {@code events.jsonl}: only lines that end in a newline count, so a line
 * the journal is still writing is read on a later pass, whole.
 */
final class JournalLines {
    /** Line {@code seq} (from 0) and where the line after it starts. */
    record Line(int seq, String text, long endOffset) {}

    /** Up to {@code max} lines from line {@code firstSeq}, which starts at byte {@code offset}; {@code more} when the limit cut it. */
    record Batch(List<Line> lines, long endOffset, boolean more) {}

    private JournalLines() {}

    /** Where line {@code seq} starts, counting newlines from the beginning; -1 if the file has fewer complete lines. */
    static long offsetOf(Path file, int seq) throws IOException {
        if (seq == 0) return 0;
        try (InputStream in = open(file, 0)) {
            if (in == null) return -1;
            byte[] buffer = new byte[64 * 1024];
            long position = 0;
            int lines = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++lines == seq) return position + i + 1;
                }
                position += n;
            }
            return -1;
        }
    }

    static Batch read(Path file, int firstSeq, long offset, int max) throws IOException {
        List<Line> lines = new ArrayList<>();
        long position = offset;
        try (InputStream in = open(file, offset)) {
            if (in == null) return new Batch(lines, offset, false);
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buffer = new byte[64 * 1024];
            long read = offset;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                        continue;
                    }
                    position = read + i + 1;
                    lines.add(new Line(firstSeq + lines.size(), line.toString(StandardCharsets.UTF_8), position));
                    line.reset();
                    if (lines.size() == max) return new Batch(lines, position, true);
                }
                read += n;
            }
        }
        return new Batch(lines, position, false);  // bytes after the last newline: a line still being written
    }

    private static InputStream open(Path file, long offset) throws IOException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new java.io.BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
