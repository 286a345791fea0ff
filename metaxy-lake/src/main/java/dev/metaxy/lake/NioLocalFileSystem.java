package dev.metaxy.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without shell commands: without Hadoop's native library, {@link RawLocalFileSystem}
 * runs {@code chmod} and {@code ls} processes for permissions, one per file Delta Kernel or Iceberg creates or
 * inspects; here permissions go through java.nio. No {@code .crc} side files are written either.
 */
public class NioLocalFileSystem extends LocalFileSystem {

    public NioLocalFileSystem() {
        super(new Raw());
        setWriteChecksum(false);
        setVerifyChecksum(false);
    }

    /** The raw file system underneath. */
    public static class Raw extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        String s = permission.toString();
        if (s.length() >= 9) {
            String rwx = s.substring(0, 9).replace('t', 'x').replace('T', '-').replace('s', 'x').replace('S', '-');
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
    }

    @Override
    public void setOwner(Path p, String username, String groupname) {
        // owners are left as created
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        java.io.File file = pathToFile(f);
        java.nio.file.Path path = file.toPath();
        if (!Files.exists(path)) {
            throw new FileNotFoundException("File " + f + " does not exist");
        }
        FsPermission perm = null;
        String owner = "";
        String group = "";
        try {
            PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            perm = FsPermission.valueOf((a.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions()));
            owner = a.owner().getName();
            group = a.group().getName();
        } catch (UnsupportedOperationException e) {
            perm = FsPermission.getDefault();
        }
        boolean dir = file.isDirectory();
        return new FileStatus(dir ? 0 : file.length(), dir, 1, getDefaultBlockSize(f), file.lastModified(), 0, perm, owner, group,
            f.makeQualified(getUri(), getWorkingDirectory()));
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
        return getFileStatus(f);
    }
    }
}
