package callsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerLinesTest {
    private static Map<LineSituation, Map<AngerBand, List<String>>> minimal() {
        Map<LineSituation, Map<AngerBand, List<String>>> pools = new EnumMap<>(LineSituation.class);
        for (LineSituation situation : LineSituation.values()) {
            Map<AngerBand, List<String>> byBand = new EnumMap<>(AngerBand.class);
            situation.requiredBands().forEach(band -> byBand.put(band, List.of(situation + " " + band)));
            pools.put(situation, byBand);
        }
        return pools;
    }

    @Test
    void aBandWithoutLinesBorrowsFromTheNearestBand() {
        CallerLines lines = new CallerLines(minimal());

        assertThat(lines.pool(LineSituation.CLOSING, AngerBand.FRUSTRATED, LineSituation.CONTINUATION))
                .containsExactly("CLOSING CALMING");
        assertThat(lines.pool(LineSituation.HANG_UP, AngerBand.SATISFIED, LineSituation.CONTINUATION))
                .containsExactly("HANG_UP ANGRY");
    }

    @Test
    void anOptionalSituationWithoutLinesFallsBackToContinuation() {
        CallerLines lines = new CallerLines(minimal());

        assertThat(lines.pool(LineSituation.WEAK_OFFER, AngerBand.ANGRY, LineSituation.CONTINUATION))
                .containsExactly("CONTINUATION ANGRY");
    }

    @Test
    void aMissingRequiredBandIsRejectedByName() {
        Map<LineSituation, Map<AngerBand, List<String>>> pools = minimal();
        pools.put(LineSituation.EMPATHY, new EnumMap<>(Map.of(AngerBand.ANGRY, List.of("x"))));

        assertThatThrownBy(() -> new CallerLines(pools)).hasMessage("no empathy lines for the satisfied band");
    }

    @Test
    void bandsFollowTheRubric() {
        assertThat(List.of(100, 80, 79, 60, 59, 40, 39, 20, 19, 0)).extracting(AngerBand::of).containsExactly(
                AngerBand.FURIOUS, AngerBand.FURIOUS, AngerBand.ANGRY, AngerBand.ANGRY, AngerBand.FRUSTRATED,
                AngerBand.FRUSTRATED, AngerBand.CALMING, AngerBand.CALMING, AngerBand.SATISFIED, AngerBand.SATISFIED);
    }
}
