[assembly: AssemblyFixture(typeof(PtHub.Tests.Infrastructure.TempPaths))]

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// Where tests keep their databases: one folder per test run, removed when the run ends (an assembly fixture, so every
/// node of every test class has been disposed by then), so a run leaves nothing behind in the temp folder.
/// </summary>
public sealed class TempPaths : IDisposable
{
    private static readonly string RunRoot = Path.Combine(Path.GetTempPath(), "pthub-tests", Guid.NewGuid().ToString("N"));

    public static string NewDatabase() => Path.Combine(RunRoot, Guid.NewGuid().ToString("N"), "pthub.db");

    public void Dispose()
    {
        if (Directory.Exists(RunRoot))
        {
            Directory.Delete(RunRoot, recursive: true);
        }

        var parent = Path.GetDirectoryName(RunRoot)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }
    }
}
