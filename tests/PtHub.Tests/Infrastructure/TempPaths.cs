namespace PtHub.Tests.Infrastructure;

public static class TempPaths
{
    public static string NewDatabase() =>
        Path.Combine(Path.GetTempPath(), "pthub-tests", Guid.NewGuid().ToString("N"), "pthub.db");
}
