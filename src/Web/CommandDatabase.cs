using System.Data.Common;
using PtHub.Silo;

namespace PtHub.Web;

/// <summary>The database a node's own configuration names, for the commands that run beside a node (verify-audit, rebuild-kpis).</summary>
internal static class CommandDatabase
{
    /// <summary>
    /// Runs <paramref name="run"/> on the node's database (given its settings and where it is, in words); unusable
    /// settings and database errors are written as <c>{command}: …</c> and answer <paramref name="failed"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, string command, TextWriter output, int failed, string whatFailed, Func<PtHubOptions, string, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await ResolveAsync(args, command, output) is not { } options)
        {
            return failed;
        }

        try
        {
            return await run(options, options.Storage == StorageProvider.PostgreSql ? "PostgreSql" : $"Sqlite {Path.GetFullPath(options.SqlitePath)}");
        }
        catch (DbException ex)
        {
            await output.WriteLineAsync($"{command}: {whatFailed}: {ex.Message}");
            return failed;
        }
    }

    /// <summary>
    /// The node's settings from its own configuration sources (appsettings*.json, environment, command line), or null
    /// once the reason is written: invalid settings, or no SQLite file (opening a missing file would create an empty
    /// database and the command would report on nothing).
    /// </summary>
    private static async Task<PtHubOptions?> ResolveAsync(string[] args, string command, TextWriter output)
    {
        var configuration = WebApplication.CreateBuilder(args).Configuration;
        var options = configuration.GetSection(PtHubOptions.Section).Get<PtHubOptions>() ?? new PtHubOptions();
        if (new PtHubOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            await output.WriteLineAsync($"{command}: {invalid.FailureMessage}");
            return null;
        }

        if (options.Storage != StorageProvider.PostgreSql && !File.Exists(Path.GetFullPath(options.SqlitePath)))
        {
            await output.WriteLineAsync($"{command}: there is no SQLite database at {Path.GetFullPath(options.SqlitePath)} (PtHub:SqlitePath).");
            return null;
        }

        return options;
    }
}
