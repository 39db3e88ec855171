package callsim.speech;

import edu.cmu.sphinx.decoder.search.Token;
import edu.cmu.sphinx.decoder.search.WordPruningBreadthFirstSearchManager;
import edu.cmu.sphinx.linguist.SearchState;
import edu.cmu.sphinx.linguist.SearchStateArc;
import edu.cmu.sphinx.linguist.WordSearchState;
import edu.cmu.sphinx.util.props.PropertyException;
import edu.cmu.sphinx.util.props.PropertySheet;
import edu.cmu.sphinx.util.props.S4Integer;
import java.util.HashMap;
import java.util.Map;

/**
 * Sphinx4's word-pruning breadth-first search with less work per frame (BENCHMARKS.md (c): 12-19% less CPU,
 * the same words). Profiled on the live set-up, two thirds of decoding went to growing paths, much of it
 * work Sphinx4 repeats every frame:
 * <ul>
 *   <li>The lex tree builds every successor of every active state anew each frame (new state objects,
 *       language-model look-ups, smear terms). Here each state's successors are kept, up to
 *       {@code maxCachedStates} states, then all forgotten at once (most reuse is from one frame to the next:
 *       20,000 states hit as often as a million). Sphinx4's own arc cache ({@code LexTreeLinguist.cacheSize})
 *       does the same, keyed the same way, but prints a line to standard output every million look-ups.</li>
 *   <li>The map from each state to its best path this frame is allocated anew every frame at ten times the
 *       active list with a load factor of 0.3, and still rehashed two or three times as states are grown.
 *       Here one map is cleared and reused.</li>
 * </ul>
 * Only the source of the successor arcs differs from Sphinx4's {@code collectSuccessorTokens}.
 */
public class CachedArcsSearchManager extends WordPruningBreadthFirstSearchManager {
    @S4Integer(defaultValue = 20_000)
    public static final String PROP_MAX_CACHED_STATES = "maxCachedStates";

    private int maxCachedStates;
    private final Map<SearchState, SearchStateArc[]> successors = new HashMap<>(1 << 16);

    @Override
    public void newProperties(PropertySheet ps) throws PropertyException {
        super.newProperties(ps);
        maxCachedStates = ps.getInt(PROP_MAX_CACHED_STATES);
    }

    @Override
    protected void createBestTokenMap() {
        if (bestTokenMap == null) {
            bestTokenMap = new HashMap<>(1 << 15);
        } else {
            bestTokenMap.clear();
        }
    }

    private SearchStateArc[] successorsOf(SearchState state) {
        SearchStateArc[] arcs = successors.get(state);
        if (arcs == null) {
            if (successors.size() >= maxCachedStates) successors.clear();
            arcs = state.getSuccessors();
            successors.put(state, arcs);
        }
        return arcs;
    }

    @Override
    protected void collectSuccessorTokens(Token token) {
        if (token.isFinal()) {
            resultList.add(getResultListPredecessor(token));
            return;
        }
        // a non-emitting state already visited this frame is a grammar loop (see Sphinx4's comment)
        if (!token.isEmitting() && (keepAllTokens && isVisited(token))) {
            return;
        }
        SearchState state = token.getSearchState();
        SearchStateArc[] arcs = successorsOf(state);
        Token predecessor = getResultListPredecessor(token);
        for (SearchStateArc arc : arcs) {
            SearchState nextState = arc.getState();
            if (checkStateOrder) {
                checkStateOrder(state, nextState);
            }
            float logEntryScore = token.getScore() + arc.getProbability();
            Token bestToken = getBestToken(nextState);
            if (bestToken == null) {
                Token newBestToken = new Token(predecessor, nextState, logEntryScore, arc.getInsertionProbability(),
                    arc.getLanguageProbability(), currentCollectTime);
                tokensCreated.value++;
                setBestToken(newBestToken, nextState);
                activeListAdd(newBestToken);
            } else if (bestToken.getScore() < logEntryScore) {
                Token oldPredecessor = bestToken.getPredecessor();
                bestToken.update(predecessor, nextState, logEntryScore, arc.getInsertionProbability(),
                    arc.getLanguageProbability(), currentCollectTime);
                if (buildWordLattice && nextState instanceof WordSearchState) {
                    loserManager.addAlternatePredecessor(bestToken, oldPredecessor);
                }
            } else if (buildWordLattice && nextState instanceof WordSearchState) {
                if (predecessor != null) {
                    loserManager.addAlternatePredecessor(bestToken, predecessor);
                }
            }
        }
    }
}
