package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Entry point of the infrastructure JVM that tests start. Writes the endpoints to the file named by the first
 * argument once everything is up, then runs until its standard input closes (the parent JVM ended).
 */
public final class InfraMain {
    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: InfraMain <ready-file>");
            System.exit(2);
        }
        Path readyFile = Path.of(args[0]);
        Infrastructure infra = Infrastructure.start(InfraSettings.forTests());
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "infra-shutdown"));
        writeAtomically(readyFile, infra.endpoints());
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        System.exit(0);
    }

    private static void writeAtomically(Path target, InfraEndpoints endpoints) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            endpoints.toProperties().store(out, "schedulr infrastructure");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
