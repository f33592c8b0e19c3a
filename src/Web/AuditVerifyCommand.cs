using System.Globalization;
using Npgsql;
using PtHub.Grains.Audit;
using PtHub.Grains.Storage;
using PtHub.Silo;
using PtHub.Silo.Storage;
using PtHub.Web.Security;

namespace PtHub.Web;

/// <summary>
/// <c>dotnet run --project src/Web -- verify-audit [--PtHub:Storage=… and the other node settings]</c>: verifies every
/// audit chain in the node's database without starting a silo, prints a summary, and exits with
/// <see cref="Intact"/>, <see cref="Broken"/>, or <see cref="Failed"/> when the log could not be read.
/// </summary>
internal static class AuditVerifyCommand
{
    public const string Name = "verify-audit";

    public const int Intact = 0;

    public const int Broken = 1;

    public const int Failed = 2;

    /// <remarks>
    /// With <c>PtHub:Audit:HeadsFolder</c> the chains are checked against the heads exported there (a chain cut short
    /// or rewritten since shows), and with <c>PtHub:Audit:AnchorKey</c> every head's signature too.
    /// </remarks>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var anchors = WebApplication.CreateBuilder(args).Configuration.GetSection(AuditAnchorOptions.Section).Get<AuditAnchorOptions>() ?? new AuditAnchorOptions();
        return CommandDatabase.RunAsync(args, Name, output, Failed, "the audit log could not be read", async (options, where) =>
        {
            if (options.Storage != StorageProvider.PostgreSql)
            {
                return await VerifyAsync(new SqliteAuditStore(options.SqliteConnectionString), where, anchors, output, cancellationToken);
            }

            await using var dataSource = NpgsqlDataSource.Create(options.PostgreSqlConnectionString!);
            return await VerifyAsync(new PostgreSqlAuditStore(dataSource), where, anchors, output, cancellationToken);
        });
    }

    private static async Task<int> VerifyAsync(IAuditStore store, string where, AuditAnchorOptions anchors, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, AuditHead>? heads = null;
        if (!string.IsNullOrWhiteSpace(anchors.HeadsFolder))
        {
            if (!Directory.Exists(anchors.HeadsFolder))
            {
                await output.WriteLineAsync($"{Name}: there is no heads folder at {Path.GetFullPath(anchors.HeadsFolder)} (PtHub:Audit:HeadsFolder).");
                return Failed;
            }

            heads = await AuditHeadsFolder.ReadLatestAsync(anchors.HeadsFolder, cancellationToken);
        }

        var result = await AuditVerifier.VerifyAsync(store, heads, anchors.KeyBytes, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Audit log ({where}): {result.ChainsChecked} chains, {result.EntriesChecked} entries checked."));
        if (heads is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  against {heads.Count} exported heads from {Path.GetFullPath(anchors.HeadsFolder!)}{(anchors.KeyBytes is null ? "" : ", signatures checked")}."));
        }

        foreach (var broken in result.Breaks)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  chain '{broken.Chain}' broken at sequence {broken.Sequence}: {broken.Reason} ({broken.Detail})"));
        }

        await output.WriteLineAsync(result.Intact
            ? "INTACT: every chain links and hashes as written."
            : string.Create(CultureInfo.InvariantCulture, $"BROKEN: {result.Breaks.Count} of {result.ChainsChecked} chains."));
        return result.Intact ? Intact : Broken;
    }
}
