using System.Globalization;
using System.Text.Json;
using PtHub.Grains.Audit;

namespace PtHub.Silo.Storage;

/// <summary>
/// The exported heads of the audit chains: one file per export, <c>audit-heads-{UTC time}.jsonl</c>, one JSON line
/// per chain (chain, sequence, hash, at, mac). Files and the folder are owner-only (0600/0700), like the database.
/// Keep the folder on other storage than the database (another disk, a backed-up share): a head is only worth what
/// its copy's distance from the database is.
/// </summary>
public static class AuditHeadsFolder
{
    private const string Prefix = "audit-heads-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes one export file of <paramref name="heads"/>; its path.</summary>
    public static async Task<string> WriteAsync(string folder, IReadOnlyList<AuditHead> heads, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(heads);
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFiles.FolderMode);
                File.SetUnixFileMode(folder, OwnerOnlyFiles.FolderMode);
            }
        }

        var path = Path.Combine(folder, $"{Prefix}{at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture)}.jsonl");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            foreach (var head in heads)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(head, Json).AsMemory(), cancellationToken);
            }
        }

        return path;
    }

    /// <summary>The latest head of each chain over every export file in the folder (the highest sequence wins).</summary>
    public static async Task<IReadOnlyDictionary<string, AuditHead>> ReadLatestAsync(string folder, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<string, AuditHead>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, $"{Prefix}*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var head = JsonSerializer.Deserialize<AuditHead>(line, Json)
                    ?? throw new InvalidDataException($"{file}: a line that is not a head.");
                if (!latest.TryGetValue(head.Chain, out var known) || known.Sequence < head.Sequence)
                {
                    latest[head.Chain] = head;
                }
            }
        }

        return latest;
    }
}
