package io.schedulr.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.schedulr.testsupport.HexagonalRules;

@AnalyzeClasses(packages = "io.schedulr.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests hexagonalRules = ArchTests.in(HexagonalRules.class);
}
