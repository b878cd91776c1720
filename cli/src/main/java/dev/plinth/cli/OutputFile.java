package dev.plinth.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A file a subcommand will write ({@code doctor --output}, {@code lock -o}), checked before any work is done so a
 * typo in its directory is a usage error (exit code 2) rather than a failure after the report was computed.
 */
final class OutputFile {
    private OutputFile() {
    }

    /**
     * The absolute, normalized path to write.
     *
     * @throws ParameterException when its directory does not exist or is not a directory, or the path is one
     */
    static Path check(CommandLine commandLine, String option, Path workingDirectory, Path given) {
        Path file = workingDirectory.resolve(given).normalize();
        String subject = option + " " + file + ": ";
        String resolved = given.isAbsolute() ? "" : " (resolved against " + workingDirectory + ")";
        Path parent = file.getParent();
        if (parent != null && !Files.exists(parent)) {
            throw new ParameterException(commandLine, subject + "no such directory " + parent + resolved);
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(commandLine, subject + parent + " is not a directory" + resolved);
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(commandLine, subject + "is a directory; name the file to write");
        }
        return file;
    }

    /** What went wrong when writing, in a few words: {@code permission denied}, not the exception's class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
