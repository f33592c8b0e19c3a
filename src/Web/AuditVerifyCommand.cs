using System.Globalization;
using Npgsql;
using PtHub.Grains.Audit;
using PtHub.Grains.Storage;
using PtHub.Silo;
using PtHub.Silo.Storage;

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

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default) =>
        CommandDatabase.RunAsync(args, Name, output, Failed, "the audit log could not be read", async (options, where) =>
        {
            if (options.Storage != StorageProvider.PostgreSql)
            {
                return await VerifyAsync(new SqliteAuditStore(options.SqliteConnectionString), where, output, cancellationToken);
            }

            await using var dataSource = NpgsqlDataSource.Create(options.PostgreSqlConnectionString!);
            return await VerifyAsync(new PostgreSqlAuditStore(dataSource), where, output, cancellationToken);
        });

    private static async Task<int> VerifyAsync(IAuditStore store, string where, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await AuditVerifier.VerifyAsync(store, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Audit log ({where}): {result.ChainsChecked} chains, {result.EntriesChecked} entries checked."));
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
