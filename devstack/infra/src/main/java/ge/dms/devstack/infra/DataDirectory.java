package ge.dms.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a server keeps its files: a directory the caller chose (kept between runs) or a
 * temporary one (deleted when the server stops).
 */
public record DataDirectory(Path path, boolean temporary) {

    public static DataDirectory temporary(String prefix) {
        try {
            return new DataDirectory(Files.createTempDirectory("dms-" + prefix + "-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sub-folder of {@code root}, kept; or a temporary folder when {@code root} is null. */
    public static DataDirectory under(Path root, String name) {
        if (root == null) {
            return temporary(name);
        }
        try {
            return new DataDirectory(Files.createDirectories(root.resolve(name)).toAbsolutePath(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folder if it is temporary; a kept folder is left alone. */
    public void discardIfTemporary() {
        if (temporary) {
            deleteRecursively(path);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
