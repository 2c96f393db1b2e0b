package io.schedulr.calcom;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.schedulr.testsupport.HexagonalRules;

@AnalyzeClasses(packages = "io.schedulr.calcom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsFrameworkFree = HexagonalRules.CORE_IS_FRAMEWORK_FREE;
    @ArchTest
    static final ArchRule coreDoesNotKnowAdapters = HexagonalRules.CORE_DOES_NOT_KNOW_ADAPTERS;
    @ArchTest
    static final ArchRule domainIsPlainJava = HexagonalRules.DOMAIN_IS_PLAIN_JAVA;
}
