package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lending recognisers to agent turns under load, with fake recognisers that read a turn to its end. */
class TurnSchedulerTest {
    private static final int FRAME = 160;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<String> discarded = new CopyOnWriteArrayList<>();
    private TurnScheduler<String> scheduler;

    @AfterEach
    void stop() throws InterruptedException {
        if (scheduler != null) scheduler.close();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** A "recogniser" that reads its turn's audio to the end and says who decoded how many samples. */
    private void start(int recognizers, TurnQueueLimits limits) {
        scheduler = new TurnScheduler<>((name, audio) -> {
            try {
                return new RecognizedTurn(name + ":" + audio.readAllBytes().length / 2, 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads, discarded::add, limits);
        for (int i = 1; i <= recognizers; i++) scheduler.add("r" + i);
    }

    private StreamingSession turn(boolean bounded) {
        return scheduler.submit(new QueuedPcmStream(0, 0, 1000 * FRAME), bounded);
    }

    @Test
    void aTurnThatWaitedForARecogniserIsDecodedWithAllItsAudio() throws Exception {
        start(1, new TurnQueueLimits(4, Duration.ofSeconds(30)));
        StreamingSession first = turn(true);
        StreamingSession second = turn(true); // the only recogniser is busy with the first
        for (int i = 0; i < 25; i++) second.feed(new short[FRAME]); // 500 ms of audio while it waits
        assertThat(scheduler.waitingTurns()).isEqualTo(1);

        CompletableFuture<RecognizedTurn> secondWords = second.finish();
        first.feed(new short[FRAME]);
        assertThat(first.finish().get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:160");

        assertThat(secondWords.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:" + 25 * FRAME);
        assertThat(scheduler.shedTurns()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.idleRecognizers() == 1);
    }

    @Test
    void howLongAfterItsAudioEndedEachTurnWasHeardIsKept() throws Exception {
        start(1, new TurnQueueLimits(4, Duration.ofSeconds(30)));
        StreamingSession first = turn(true);
        StreamingSession waiting = turn(true); // the only recogniser is busy with the first
        StreamingSession abandoned = turn(true);
        CompletableFuture<RecognizedTurn> waitingWords = waiting.finish();
        abandoned.cancel();
        TimeUnit.MILLISECONDS.sleep(300);

        first.finish().get(5, TimeUnit.SECONDS);
        waitingWords.get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.turnsHeard() == 2);
        List<Long> lags = scheduler.wordsKnownAfterEndMs(0);
        assertThat(lags.get(0)).as("heard as soon as it ended").isLessThan(250);
        assertThat(lags.get(1)).as("ended 300 ms before a recogniser was free").isGreaterThanOrEqualTo(300);
        assertThat(scheduler.wordsKnownAfterEndMs(1)).containsExactly(lags.get(1));
    }

    @Test
    void waitingTurnsGetRecognisersInTheOrderTheyStarted() throws Exception {
        start(1, new TurnQueueLimits(4, Duration.ofSeconds(30)));
        StreamingSession busy = turn(true);
        StreamingSession older = turn(true);
        StreamingSession newer = turn(true);
        older.feed(new short[FRAME]);
        newer.feed(new short[2 * FRAME]);
        CompletableFuture<RecognizedTurn> newerWords = newer.finish(); // ends first but started later
        CompletableFuture<RecognizedTurn> olderWords = older.finish();

        busy.finish();

        assertThat(olderWords.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:160");
        assertThat(newerWords.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:320");
    }

    @Test
    void aTurnBeyondTheWaitingLimitIsShedAtOnceAndSaysWhy() {
        start(1, new TurnQueueLimits(1, Duration.ofSeconds(30)));
        turn(true);
        turn(true);

        StreamingSession third = turn(true);
        third.feed(new short[FRAME]); // harmless: its audio is in the recording, not here

        assertThat(third.finish()).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
            .havingCause().isInstanceOf(RecognitionShedException.class).withMessageContaining("1 turns are already waiting");
        assertThat(scheduler.shedTurns()).isEqualTo(1);
        assertThat(scheduler.waitingTurns()).isEqualTo(1);
    }

    @Test
    void anEndedTurnStillWaitingAfterTheLimitIsShedButOneServedInTimeIsNot() throws Exception {
        start(1, new TurnQueueLimits(4, Duration.ofMillis(300)));
        StreamingSession busy = turn(true);
        StreamingSession late = turn(true);
        CompletableFuture<RecognizedTurn> lateWords = late.finish();

        assertThat(lateWords).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
            .havingCause().isInstanceOf(RecognitionShedException.class).withMessageContaining("within 300 ms");
        assertThat(scheduler.waitingTurns()).isZero();

        StreamingSession served = turn(true);
        CompletableFuture<RecognizedTurn> servedWords = served.finish();
        busy.finish(); // frees the recogniser well inside 300 ms
        assertThat(servedWords.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:0");
        assertThat(scheduler.shedTurns()).isEqualTo(1);
    }

    @Test
    void aTurnStillBeingSpokenIsNotShedHoweverLongItWaits() throws Exception {
        start(1, new TurnQueueLimits(4, Duration.ZERO));
        StreamingSession busy = turn(true);
        StreamingSession speaking = turn(true);
        speaking.feed(new short[FRAME]);

        busy.finish().get(5, TimeUnit.SECONDS);

        assertThat(speaking.finish().get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:160");
        assertThat(scheduler.shedTurns()).isZero();
    }

    @Test
    void aCancelledWaitingTurnLeavesTheLineWithoutTakingARecogniser() throws Exception {
        start(1, new TurnQueueLimits(1, Duration.ofSeconds(30)));
        StreamingSession busy = turn(true);
        StreamingSession hungUp = turn(true);

        hungUp.cancel();

        assertThat(scheduler.waitingTurns()).isZero();
        StreamingSession next = turn(true); // the line has room again
        CompletableFuture<RecognizedTurn> nextWords = next.finish();
        busy.finish();
        assertThat(nextWords.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:0");
    }

    @Test
    void unboundedTurnsAreNeverShed() throws Exception {
        start(1, new TurnQueueLimits(0, Duration.ZERO));
        StreamingSession busy = turn(true);
        StreamingSession whole = turn(false);
        whole.feed(new short[FRAME]);
        CompletableFuture<RecognizedTurn> words = whole.finish();

        busy.finish();

        assertThat(words.get(5, TimeUnit.SECONDS).words()).isEqualTo("r1:160");
        assertThat(scheduler.shedTurns()).isZero();
    }

    @Test
    void twoRecognisersDecodeTwoTurnsAtOnce() throws Exception {
        start(2, new TurnQueueLimits(0, Duration.ZERO));
        StreamingSession a = turn(true);
        StreamingSession b = turn(true);

        assertThat(scheduler.idleRecognizers()).isZero();
        assertThat(List.of(a.finish().get(5, TimeUnit.SECONDS).words(), b.finish().get(5, TimeUnit.SECONDS).words()))
            .containsExactlyInAnyOrder("r1:0", "r2:0");
    }

    @Test
    void closeCancelsEveryTurnAndDiscardsTheRecognisersAsTheyComeBack() {
        start(1, new TurnQueueLimits(4, Duration.ofSeconds(30)));
        StreamingSession decoding = turn(true); // still being spoken: its recogniser is reading it
        StreamingSession waiting = turn(true);
        CompletableFuture<RecognizedTurn> waitingWords = waiting.finish();

        scheduler.close();

        assertThat(waitingWords).isCancelled();
        assertThat(decoding.finish()).isCancelled();
        await().atMost(Duration.ofSeconds(5)).until(() -> discarded.contains("r1"));
        scheduler.add("r2");
        assertThat(discarded).contains("r2");
        assertThat(scheduler.idleRecognizers()).isZero();
    }
}
