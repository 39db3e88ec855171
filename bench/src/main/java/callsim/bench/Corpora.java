package callsim.bench;

import callsim.scenarios.ScenarioLibrary;
import callsim.speech.RecognizerSettings;
import callsim.speech.SpokenText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The recogniser settings the server uses, and the bench's own sentence files. */
final class Corpora {
    private Corpora() {
    }

    /** As CallsimServer builds them: domain LM from the agent phrases plus every scenario's agent phrases. */
    static RecognizerSettings serverSettings(int poolSize) {
        return RecognizerSettings.defaults().withPoolSize(poolSize)
            .withExtraSentences(ScenarioLibrary.builtIn().all().stream().flatMap(s -> s.agentPhrases().stream()).toList());
    }

    /** The domain LM's sentences, normalised. */
    static Set<String> lmCorpus() {
        return serverSettings(1).corpus().stream().map(SpokenText::normalize).collect(Collectors.toSet());
    }

    /** Non-blank, non-comment lines of a resource next to this class. */
    static List<String> lines(String resource) {
        try (InputStream in = Corpora.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bench resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails if any held-out sentence is in the LM corpus: it would not be held out. */
    static void requireHeldOut(List<String> sentences) {
        Set<String> corpus = lmCorpus();
        List<String> leaked = sentences.stream().filter(s -> corpus.contains(SpokenText.normalize(s))).toList();
        if (!leaked.isEmpty()) throw new IllegalStateException("held-out sentences found in the LM corpus: " + leaked);
    }
}
