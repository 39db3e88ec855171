package callsim.app.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's WAV, with single byte ranges: a browser's audio element only seeks (the evidence buttons
 * jump the player) in a resource served with {@code Accept-Ranges: bytes}.
 */
final class Recording {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Drills drills;

    Recording(Drills drills) {
        this.drills = drills;
    }

    void serve(Request request) throws IOException {
        String id = request.pathPart("id");
        drills.visible(request.user(), id);
        byte[] wav = drills.store().recordingWav(id).orElseThrow(() -> new WebException(404, "no recording for this drill yet"));
        var headers = request.exchange().getResponseHeaders();
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "private, no-cache");
        String range = request.header("Range").orElse(null);
        if (range == null) {
            Reply.bytes(request.exchange(), 200, "audio/wav", wav);
            return;
        }
        Matcher m = RANGE.matcher(range.trim());
        // Anything but one simple range (several ranges, other units) gets the whole file, which HTTP allows.
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            Reply.bytes(request.exchange(), 200, "audio/wav", wav);
            return;
        }
        long length = wav.length;
        long start;
        long end;
        try {
            if (m.group(1).isEmpty()) {
                start = Math.max(0, length - Long.parseLong(m.group(2)));
                end = length - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
            }
        } catch (NumberFormatException e) {
            start = length;
            end = -1;
        }
        if (start >= length || end < start) {
            headers.set("Content-Range", "bytes */" + length);
            Reply.empty(request.exchange(), 416);
            return;
        }
        headers.set("Content-Range", "bytes " + start + "-" + end + "/" + length);
        Reply.bytes(request.exchange(), 206, "audio/wav", wav, (int) start, (int) (end - start + 1));
    }
}
