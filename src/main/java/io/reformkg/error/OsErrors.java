package io.reformkg.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What the operating system said went wrong with a file, in one wording for every message. */
public final class OsErrors {
    private OsErrors() {
    }

    /** The reason, and the file it concerns. */
    public static String reason(IOException e) {
        return reason(e, null);
    }

    /**
     * The reason, and the file it concerns when that is not {@code subject}, the file or folder the
     * message already names.
     */
    public static String reason(IOException e, Path subject) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way (a file where a folder is needed, or the reverse)";
        }
        if (!(e instanceof FileSystemException fileSystem)) {
            return String.valueOf(e.getMessage());
        }
        String reason = fileSystem.getReason() != null ? fileSystem.getReason()
                : e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof NoSuchFileException ? "No such file or directory"
                : "failed";
        String file = fileSystem.getFile();
        boolean named = file == null || subject != null
                && Path.of(file).toAbsolutePath().equals(subject.toAbsolutePath());
        return named ? reason : reason + " (" + file + ")";
    }
}
