package com.salesaffairs.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository checkout and the deploy/local scripts that bring the stack up and down. */
public final class LocalStack {
    private static final long SCRIPT_TIMEOUT_MINUTES = 10;

    private LocalStack() {
    }

    /**
     * The repository root: the {@code e2e.repoRoot} system property that the pom sets from
     * {@code maven.multiModuleProjectDirectory}, else the nearest parent of the working directory
     * that holds {@code deploy/local/up.sh}.
     */
    public static Path repoRoot() {
        String configured = System.getProperty("e2e.repoRoot");
        if (configured != null && !configured.isBlank() && isRepoRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with deploy/local/up.sh) above "
                + Path.of("").toAbsolutePath() + "; set -De2e.repoRoot");
    }

    private static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("deploy/local/up.sh")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /** Runs {@code deploy/local/<script> args...} with its output on this test's console; the exit code. */
    public static int run(String script, String... args) {
        Path root = repoRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/local").resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
            if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + SCRIPT_TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
