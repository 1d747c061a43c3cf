package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.atlas.RuntimeIOException;
import org.junit.jupiter.api.Test;

/**
 * How a failed TDB2 build is explained. The failures are the ones the storage raises on a full
 * disk: an {@link IOException} from a channel write (Jena wraps it) or, for TDB2's
 * memory-mapped indexes, the JVM's {@link InternalError}; the documented run in
 * docs/reliability.md shows the whole path on a real full file system.
 */
class StorageFaultTest {
    private static final Path DIR = Path.of("/srv/kg/tdb2");
    private static final String WHAT = "the TDB2 store in /srv/kg/tdb2 could not be built";
    private static final long PLENTY = 10L << 30;
    private static final Tdb2Location LOCATION = new Tdb2Location(DIR);

    @Test
    void aWriteFailingOnAFullDiskSaysTheDiskIsFull() {
        RuntimeIOException failure = new RuntimeIOException(new IOException("No space left on device"));
        assertEquals(WHAT + ": the disk is full (0 bytes free)", message(failure, 0));
        assertEquals(WHAT + ": the disk is full (12288 bytes free)", message(new FileSystemException(
                "/srv/kg/tdb2/building-1/findings.json", null, "No space left on device"), 12288));
    }

    @Test
    void anotherWriteFailureGivesTheSystemsReasonAndTheFile() {
        FileSystemException readOnly = new FileSystemException("/srv/kg/tdb2/store-1/tdb.lock", null,
                "Read-only file system");
        assertEquals(WHAT + ": Read-only file system (/srv/kg/tdb2/store-1/tdb.lock)",
                message(new RuntimeIOException(readOnly), 4096));
    }

    @Test
    void aFaultWritingAMappedFileSaysWhatFailed() {
        InternalError failure = new InternalError(
                "a fault occurred in a recent unsafe memory access operation in compiled Java code");
        assertEquals(WHAT + ": the disk is full (4096 bytes free)", message(failure, 4096));
        assertEquals(WHAT + ": writing a memory-mapped store file failed (a fault occurred in a recent unsafe memory "
                + "access operation in compiled Java code)", message(failure, PLENTY));
    }

    @Test
    void otherFailuresAreNotBlamedOnTheStorage() {
        assertEquals(Optional.empty(), LOCATION.storageFault(WHAT, new IllegalStateException("a bug"), 0));
        assertEquals(Optional.empty(), LOCATION.storageFault(WHAT, new InternalError("another JVM error"), 0));
    }

    private static String message(Throwable failure, long usableBytes) {
        return LOCATION.storageFault(WHAT, failure, usableBytes).orElseThrow().getMessage();
    }
}
