using System.ComponentModel.DataAnnotations;

namespace PtHub.Silo;

/// <summary>The "PtHub" configuration section: storage, cluster and demo settings for a node.</summary>
public sealed class PtHubOptions
{
    public const string Section = "PtHub";

    /// <summary>Sqlite (embedded default, one node) or PostgreSql (any number of nodes).</summary>
    public StorageProvider Storage { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file of the embedded mode.</summary>
    [Required]
    public string SqlitePath { get; set; } = "./data/pthub.db";

    /// <summary>Npgsql connection string; required when <see cref="Storage"/> is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    [Required]
    public string ClusterId { get; set; } = "pthub";

    [Required]
    public string ServiceId { get; set; } = "pthub";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address this silo advertises to the others (PostgreSql only), e.g. 127.0.0.1 for several nodes on one
    /// machine: the silo then listens on that address only. Unset: this host's address, listening on all addresses.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Run under Orleans' Kubernetes hosting (PostgreSql only): the silo advertises the pod's IP (POD_IP), is named
    /// after the pod (POD_NAME), and reconciles membership with the pods of its Deployment (see deploy/k8s).
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>Seed the demo clinic when no clinic exists yet. Unset: only in the embedded (Sqlite) mode.</summary>
    public bool? SeedDemo { get; set; }

    public bool ShouldSeedDemo => SeedDemo ?? Storage == StorageProvider.Sqlite;

    /// <summary>How often (clinic-clock seconds) the demo clinic's front desk moves its patients on; 0 stops it.</summary>
    [Range(0, 3600)]
    public double DemoPulseSeconds { get; set; } = 20;

    /// <summary>How often each clinic-day re-reads the clock so waits and alerts move on by themselves.</summary>
    [Range(0.05, 3600)]
    public double LiveTickSeconds { get; set; } = 15;

    /// <summary>How often a web node renews its subscription to each watched clinic (its lease is three times this).</summary>
    [Range(0.05, 3600)]
    public double WatchRenewSeconds { get; set; } = 10;

    /// <summary>
    /// Period of each clinic's reminder that wakes its today (automatic no-shows and alerts run in the day's grain),
    /// so they run with no screen open, after a restart and from the first minutes of a new day.
    /// </summary>
    [Range(1, 3600)]
    public double KeeperSeconds { get; set; } = 60;

    public string SqliteConnectionString => $"Data Source={Path.GetFullPath(SqlitePath)};Pooling=True";
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
