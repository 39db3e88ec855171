package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The audio hand-over between the 20 ms audio thread and a decoding thread, without Sphinx4. */
class StreamingSessionTest {
    private static final int FRAME = 160;

    @Test
    void feedNeverBlocksWhenTheDecoderFallsBehindAndCountsWhatItDrops() {
        QueuedPcmStream audio = new QueuedPcmStream(0, 0, 10 * FRAME); // room for 200 ms; nobody reads
        StreamingSession session = new StreamingSession(audio);

        for (int i = 0; i < 50; i++) session.feed(new short[FRAME]); // 1 s of audio

        assertThat(session.droppedFrames()).isEqualTo(40);
        assertThat(audio.droppedSamples()).isEqualTo(40L * FRAME);
    }

    @Test
    void theDecoderReadsLeadInThenTheFramesThenTheTailThenEndOfStream() throws IOException {
        QueuedPcmStream audio = new QueuedPcmStream(3, 2, 1000);
        StreamingSession session = new StreamingSession(audio);
        short[] frame = {1000, -1000, 0x1234};
        session.feed(frame);
        frame[0] = 7; // the caller may reuse its buffer
        session.finish();

        short[] read = readAll(audio);

        assertThat(read).hasSize(3 + 3 + 2);
        for (int i : new int[] {0, 1, 2, 6, 7}) assertThat(Math.abs(read[i])).as("quiet sample %d", i).isLessThanOrEqualTo(2);
        assertThat(new short[] {read[3], read[4], read[5]}).containsExactly(1000, -1000, 0x1234);
    }

    @Test
    void cancelEndsTheStreamAtOnceAndCancelsTheTranscript() throws Exception {
        QueuedPcmStream audio = new QueuedPcmStream(0, 800, 1000);
        StreamingSession session = new StreamingSession(audio);
        session.feed(new short[FRAME]);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return readAll(audio).length;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        session.cancel();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isLessThanOrEqualTo(FRAME);
        CompletableFuture<RecognizedTurn> transcript = session.finish();
        assertThat(transcript).isCancelled();
        session.feed(new short[FRAME]); // late frames after a hang-up are ignored
    }

    @Test
    void finishTwiceIsAProgrammingError() {
        StreamingSession session = new StreamingSession(new QueuedPcmStream(0, 0, 1000));
        session.finish();

        assertThatThrownBy(session::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTranscriptCompletesWithTheDecodedText() throws Exception {
        StreamingSession session = new StreamingSession(new QueuedPcmStream(0, 0, 1000));
        CompletableFuture<RecognizedTurn> transcript = session.finish();

        session.completeDecoding(new RecognizedTurn("i can help", 0.9), null);

        assertThat(transcript.get(1, TimeUnit.SECONDS)).isEqualTo(new RecognizedTurn("i can help", 0.9));
    }

    private static short[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        short[] pcm = new short[bytes.length / 2];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) ((bytes[2 * i + 1] << 8) | (bytes[2 * i] & 0xff));
        return pcm;
    }

    @Test
    void aCallsAudioNotYetReadIsBehindByAsMuchAsHasPlayedSinceItArrived() throws Exception {
        QueuedPcmStream audio = new QueuedPcmStream(0, 0, 8000).live();
        audio.offer(new short[8000]); // 1 s arrives at once (a burst after a stall); nobody reads yet

        Thread.sleep(400);
        long behind = audio.behindLiveMs();
        assertThat(behind).as("no more than has played, not the whole second queued").isBetween(350L, 900L);

        byte[] everything = new byte[16000];
        int read = 0;
        while (read < everything.length) read += audio.read(everything, read, everything.length - read);
        assertThat(audio.behindLiveMs()).isZero();
    }

    @Test
    void aWholeRecordingIsNeverBehind() throws Exception {
        QueuedPcmStream recording = new QueuedPcmStream(0, 0, 8000);
        recording.offer(new short[8000]);

        Thread.sleep(200);

        assertThat(recording.behindLiveMs()).isZero();
    }
}
