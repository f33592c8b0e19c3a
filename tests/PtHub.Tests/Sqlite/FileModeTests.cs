using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Sqlite;

/// <summary>
/// The embedded database holds PHI, password hashes and the data-protection key ring: its folder is created 0700 and
/// the database with its -wal and -shm files 0600, whatever the umask (the test process's is the usual 022, which
/// gave 0755 and 0644 before).
/// </summary>
public sealed class FileModeTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task TheDatabaseAndItsFolderAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has ACLs, not modes; the file inherits its folder's.
        }

        var path = TempPaths.NewDatabase();
        await using var node = await AppNode.StartSqliteAsync(path);
        // A write, so the WAL and shared-memory files exist while the node runs.
        await ApiClinic.CreateAsync(node.Http);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
        var companions = new[] { path + "-wal", path + "-shm" }.Where(File.Exists).ToList();
        Assert.NotEmpty(companions);
        foreach (var companion in companions)
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(companion));
        }
    }

    [Fact]
    public async Task AnOlderWorldReadableDatabaseIsTightenedAtStart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = TempPaths.NewDatabase();
        var first = await AppNode.StartSqliteAsync(path);
        await first.DisposeAsync();

        // As an older build left it.
        File.SetUnixFileMode(path, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var node = await AppNode.StartSqliteAsync(path);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
    }
}
