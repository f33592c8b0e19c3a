using PtHub.Silo;

namespace PtHub.Web;

/// <summary>The database a node's own configuration names, for the commands that run beside a node (verify-audit, rebuild-kpis).</summary>
internal static class CommandDatabase
{
    /// <summary>
    /// The node's settings from its own configuration sources (appsettings*.json, environment, command line), or null
    /// once the reason is written: invalid settings, or no SQLite file (opening a missing file would create an empty
    /// database and the command would report on nothing).
    /// </summary>
    public static async Task<PtHubOptions?> ResolveAsync(string[] args, string command, TextWriter output)
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
