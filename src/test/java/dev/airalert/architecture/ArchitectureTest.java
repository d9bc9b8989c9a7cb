package dev.airalert.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph docs/architecture.md describes: features do not import each other in a cycle, and
 * no channel (a consumer of the event log that sends to the outside) imports another, so that
 * adding a channel means adding a package. What channels share (the event log, the outbox
 * engine, the outbound-target guard, the workers' supervisor) imports no channel.
 */
class ArchitectureTest {

    /** Each sends the event log to the outside its own way. */
    static final List<String> CHANNELS = List.of("delivery", "messaging", "stream");
    /** What any channel may use. */
    static final List<String> SHARED = List.of("event", "outbox", "outbound", "worker");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.airalert");

    static ArchRule noCycleBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    static Stream<ArchRule> channelsStayApart(String root) {
        return CHANNELS.stream().map(channel -> noClasses().that().resideInAPackage(root + "." + channel + "..")
                .should().dependOnClassesThat().resideInAnyPackage(CHANNELS.stream().filter(c -> !c.equals(channel))
                        .map(c -> root + "." + c + "..").toArray(String[]::new))
                .because("a channel is added as a package of its own, without editing the others"));
    }

    static Stream<ArchRule> sharedUsesNoChannel(String root) {
        return SHARED.stream().map(shared -> noClasses().that().resideInAPackage(root + "." + shared + "..")
                .should().dependOnClassesThat().resideInAnyPackage(CHANNELS.stream().map(c -> root + "." + c + "..")
                        .toArray(String[]::new))
                .because("what channels share cannot depend on one of them"));
    }

    @Test
    void featuresDoNotImportEachOtherInACycle() {
        noCycleBetweenFeatures("dev.airalert").check(MAIN);
    }

    @Test
    void noChannelImportsAnother() {
        channelsStayApart("dev.airalert").forEach(rule -> rule.check(MAIN));
    }

    @Test
    void whatChannelsShareImportsNoChannel() {
        sharedUsesNoChannel("dev.airalert").forEach(rule -> rule.check(MAIN));
    }

    @Test
    void everyChannelAndSharedPackageExists() {
        Stream.concat(CHANNELS.stream(), SHARED.stream()).forEach(name -> assertTrue(
                MAIN.containPackage("dev.airalert." + name), "no package dev.airalert." + name));
    }

    /** The rule is not vacuous: two packages that import each other (test fixtures) break it. */
    @Test
    void aCycleIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.airalert.architecture.cycle");
        assertTrue(noCycleBetweenFeatures("dev.airalert.architecture.cycle").evaluate(fixture).hasViolation(),
                "the cycle between the fixture packages one and two was not reported");
    }
}
