package callsim.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The review module is a layer under the app: app wires the call pipeline to it, and review knows nothing of
 * calls, pipelines or the CLI. One HTTP stack: nothing serves HTTP on the JDK's built-in server any more.
 */
class ModuleDirectionTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("callsim");

    @Test
    void reviewDoesNotDependOnTheApp() {
        noClasses().that().resideInAPackage("callsim.review..").should().dependOnClassesThat().resideInAPackage("callsim.app..")
                .check(MAIN);
    }

    @Test
    void theAppServesItsHttpThroughTheReviewModule() {
        classes().that().haveFullyQualifiedName("callsim.app.CallsimServer").should().dependOnClassesThat()
                .haveFullyQualifiedName("callsim.review.web.ReviewApp").check(MAIN);
    }

    @Test
    void nothingUsesTheJdksHttpServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..").check(MAIN);
    }
}
