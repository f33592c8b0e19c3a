namespace PtHub.Silo.Storage;

/// <summary>
/// Keeps the embedded database owner-only on Unix: the folder 0700 when PtHub creates it, the database file and its
/// <c>-wal</c> and <c>-shm</c> files 0600. The modes are set explicitly, so they hold whatever the process umask is,
/// and an existing database from an older build (created 0644) is tightened at the next start. The database holds
/// PHI, password hashes and the data-protection key ring (stored as grain state), so nothing else on the machine
/// should read it. On Windows the file inherits the folder's ACL and nothing is changed.
/// </summary>
internal static class OwnerOnlyFiles
{
    /// <summary>rw------- for files.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ for folders.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates the database's folder (0700, with any missing parents) and the database file (0600) before SQLite
    /// opens it, so the file never exists with wider rights; an existing file is set to 0600.
    /// </summary>
    public static void PrepareDatabase(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            var folder = Path.GetDirectoryName(databasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        var directory = Path.GetDirectoryName(databasePath);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, FolderMode);
            // mkdir applies the umask; a umask never adds rights, but set the mode anyway so it is exact.
            File.SetUnixFileMode(directory, FolderMode);
        }

        // An empty file is a valid SQLite database: SQLite writes the header on the first write.
        using (new FileStream(databasePath, new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, UnixCreateMode = FileMode }))
        {
        }

        RestrictDatabaseFiles(databasePath);
    }

    /// <summary>Sets the database file and whichever of its <c>-wal</c>, <c>-shm</c> and <c>-journal</c> files exist to 0600.</summary>
    public static void RestrictDatabaseFiles(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" })
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
    }
}
