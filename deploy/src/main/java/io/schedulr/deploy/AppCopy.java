package io.schedulr.deploy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A service runs from a copy of its build ({@code <state>/apps/<service>}), not from {@code target/quarkus-app}: a
 * rebuild while the stack runs ({@code ./mvnw verify} in another terminal) then cannot pull jars from under a running
 * JVM. The copy is made fresh at every start of the stack.
 */
final class AppCopy {
    private AppCopy() {
    }

    /** Copies the service's fast-jar folder into {@code appsDir} and returns the copied {@code quarkus-run.jar}. */
    static Path of(ServiceSpec spec, Path repoRoot, Path appsDir) throws StackException {
        Path built = spec.runJar(repoRoot).getParent();
        Path copy = appsDir.resolve(spec.name());
        try {
            StateFolder.delete(copy);
            copyTree(built, copy);
        } catch (IOException | RuntimeException e) {
            throw new StackException("cannot copy " + built + " to " + copy + ": " + e.getMessage(), e);
        }
        return copy.resolve(spec.runJar(repoRoot).getFileName());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
