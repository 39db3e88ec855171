package callsim.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** simulator-core decides everything from its input: no I/O, threads, wall clock or unseeded randomness. */
class CorePurityTest {
    private static final ArchRule NO_IO_OR_THREADS = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.util.concurrent..")
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, java.time.Clock.class)
            .because("the core is pure: adapters do I/O and threading");

    private static final ArchRule NO_WALL_CLOCK = noClasses().should()
            .callMethod(System.class, "currentTimeMillis").orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now", java.time.Clock.class)
            .because("time only arrives with events");

    private static final ArchRule NO_UNSEEDED_RANDOMNESS = noClasses().should()
            .callMethod(Math.class, "random").orShould().callConstructor(Random.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .because("randomness comes from the drill's seed");

    private static final List<ArchRule> RULES = List.of(NO_IO_OR_THREADS, NO_WALL_CLOCK, NO_UNSEEDED_RANDOMNESS);

    @Test
    void coreClassesArePure() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("callsim.core");
        assertThat(core).isNotEmpty();

        RULES.forEach(rule -> rule.check(core));
    }

    @Test
    void eachRuleCatchesItsViolation() {
        JavaClasses impure = new ClassFileImporter().importPackages("callsim.purityfixture");

        for (ArchRule rule : RULES) {
            EvaluationResult result = rule.evaluate(impure);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
        String report = String.join("\n", RULES.stream()
                .flatMap(rule -> rule.evaluate(impure).getFailureReport().getDetails().stream()).toList());
        assertThat(report).contains("currentTimeMillis", "nanoTime", "Instant.now", "LocalDateTime.now",
                "Math.random", "Random.<init>()", "ThreadLocalRandom", "java.nio", "Thread");
    }
}
