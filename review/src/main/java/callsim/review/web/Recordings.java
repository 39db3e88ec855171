package callsim.review.web;

import callsim.review.store.DrillStore;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's WAV with Range reads (a browser's audio element only seeks in a resource served with
 * {@code Accept-Ranges: bytes}). Javalin answers the range by skipping to it in the store's stream, which
 * reads only the stored audio from there on.
 */
final class Recordings {
    private static final Pattern SUFFIX = Pattern.compile("bytes=-(\\d{1,18})");
    private static final Pattern FROM = Pattern.compile("bytes=(\\d+)-\\d*");
    private final Drills drills;

    Recordings(Drills drills) {
        this.drills = drills;
    }

    void serve(Context ctx) throws java.io.IOException {
        String id = Paths.id(ctx, "id");
        drills.visible(Guard.user(ctx), id);
        DrillStore.Recording wav = drills.store().recording(id).orElseThrow(() -> new NotFoundResponse("no recording for this drill yet"));
        ctx.header("Cache-Control", "private, no-cache");
        String range = String.valueOf(ctx.header("Range")).trim();
        Matcher suffix = SUFFIX.matcher(range);
        if (suffix.matches()) {
            tail(ctx, wav, Long.parseLong(suffix.group(1)));
            return;
        }
        Matcher from = FROM.matcher(range);
        if (from.matches() && (from.group(1).length() > 18 || Long.parseLong(from.group(1)) >= wav.length())) {
            ctx.header("Accept-Ranges", "bytes").header("Content-Range", "bytes */" + wav.length()).status(416);
            return;
        }
        ctx.writeSeekableStream(wav.open(), "audio/wav", wav.length());
    }

    /** "The last N bytes" (bytes=-N), which Javalin's range writer reads as a start offset; a start past the end is 416. */
    private static void tail(Context ctx, DrillStore.Recording wav, long n) throws java.io.IOException {
        long length = wav.length();
        ctx.header("Accept-Ranges", "bytes");
        if (n == 0 || length == 0) {
            ctx.header("Content-Range", "bytes */" + length).status(416);
            return;
        }
        long start = Math.max(0, length - n);
        java.io.InputStream in = wav.open();
        in.skipNBytes(start);
        ctx.header("Content-Range", "bytes " + start + "-" + (length - 1) + "/" + length).status(206).contentType("audio/wav")
                .header("Content-Length", String.valueOf(length - start)).result(in);
    }
}
