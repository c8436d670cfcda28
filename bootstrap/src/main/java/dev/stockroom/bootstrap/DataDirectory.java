package dev.stockroom.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds what no other user of the machine may read: the embedded database and
 * the key of its H2 listener, the generated JWT key, mail with codes in it. Every directory
 * Stockroom creates there is owner-only (700) on a POSIX file system; the files it writes itself
 * are created owner-only too (600, as {@code Files.createTempFile} makes them before the rename),
 * and H2's files, which H2 creates with the process's umask, are out of reach inside.
 */
final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {}

    /**
     * Creates the data directory, and the embedded database's directory in it when that is the
     * database: H2 would create it with the umask's permissions.
     */
    static Path prepare(StockroomConfiguration config) {
        Path dataDir = config.dataPath();
        boolean existed = Files.isDirectory(dataDir);
        try {
            create(dataDir);
        } catch (UncheckedIOException e) {
            LOG.debug("Cannot create the data directory", e);
            throw new SettingProblem("dataDir / STOCKROOM_DATA_DIR: cannot create " + dataDir + " ("
                    + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage() + ")");
        }
        if (!Files.isWritable(dataDir)) {
            throw new SettingProblem("dataDir / STOCKROOM_DATA_DIR: " + dataDir + " is not writable by this user");
        }
        if (existed) {
            warnIfShared(dataDir);
        }
        EnvironmentOverrides.embeddedDatabaseDirectory(config).ifPresent(DataDirectory::create);
        return dataDir;
    }

    static Path mailDirectory(Path dataDir) {
        return dataDir.resolve("mail");
    }

    /**
     * Creates {@code dir} and any missing parents owner-only; a directory that exists is left as
     * it is (an administrator may have set it up for a backup group on purpose).
     */
    static Path create(Path dir) {
        try {
            try {
                return Files.createDirectories(dir, OWNER_ONLY);
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own access rules apply.
                return Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
    }

    private static void warnIfShared(Path dir) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(dir);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        if (permissions.stream().anyMatch(SHARED::contains)) {
            LOG.warn(
                    "The data directory {} is open to other users ({}); it holds the database, keys and mail with "
                            + "codes: `chmod 700` it unless that is on purpose.",
                    dir,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
