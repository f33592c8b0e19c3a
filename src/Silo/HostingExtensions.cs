using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using PtHub.Grains.Billing;
using PtHub.Grains.Clinics;
using PtHub.Grains.Storage;
using PtHub.Silo.Messaging;
using PtHub.Silo.Storage;

namespace PtHub.Silo;

public static class HostingExtensions
{
    /// <summary>ADO.NET invariant of Npgsql; the providers default to SQL Server, so it is always set.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    /// <summary>Orleans knows SQLite by this invariant name and loads the Microsoft.Data.Sqlite factory for it.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The ADO.NET storage on SQLite, registered under this name and reached through <see cref="SerializedGrainStorage"/>.</summary>
    private const string SqliteStorageName = "pthub-sqlite";

    /// <summary>
    /// Adds a PtHub silo to the host: storage (SQLite embedded or PostgreSQL), clustering, reminders, the
    /// schema installer that runs before the silo, the visit event log, and health checks.
    /// </summary>
    public static IHostApplicationBuilder AddPtHubSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PtHubOptions>().BindConfiguration(PtHubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PtHubOptions>, PtHubOptionsValidator>();
        var options = builder.Configuration.GetSection(PtHubOptions.Section).Get<PtHubOptions>() ?? new PtHubOptions();

        builder.Services.AddKeyedSingleton(Grains.Clock.Key, TimeProvider.System);
        builder.Services.AddOptions<BillingOptions>().BindConfiguration($"{PtHubOptions.Section}:Billing");
        builder.Services.AddOptions<LiveViewOptions>().Configure<IOptions<PtHubOptions>>((live, pthub) =>
        {
            live.TickPeriod = TimeSpan.FromSeconds(pthub.Value.LiveTickSeconds);
            live.KeepTodayPeriod = TimeSpan.FromSeconds(pthub.Value.KeeperSeconds);
        });
        if (options.Storage == StorageProvider.PostgreSql && !string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.PostgreSqlConnectionString));
            builder.Services.AddSingleton<IVisitEventLog>(sp => new PostgreSqlVisitEventLog(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IAuditStore>(sp => new PostgreSqlAuditStore(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IPatientIndex>(sp => new PostgreSqlPatientIndex(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IKpiStore>(sp => KpiStore.ForPostgreSql(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IOutboxStore>(sp => new PostgreSqlOutboxStore(sp.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            builder.Services.AddSingleton<SqliteWriteGate>();
            builder.Services.AddSingleton<IVisitEventLog>(sp => new SqliteVisitEventLog(options.SqliteConnectionString, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton<IAuditStore>(sp => new SqliteAuditStore(options.SqliteConnectionString, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton<IPatientIndex>(sp => new SqlitePatientIndex(options.SqliteConnectionString, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton<IKpiStore>(sp => KpiStore.ForSqlite(options.SqliteConnectionString, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton<IOutboxStore>(sp => new SqliteOutboxStore(options.SqliteConnectionString, sp.GetRequiredService<SqliteWriteGate>()));

            // Microsoft.Data.Sqlite runs its "async" calls synchronously and sleeps on a busy database, so each waiting
            // write holds a pool thread. With the pool's small default on 2 cores that starved the live pushes
            // (bench: screen latency p50 ~8 ms with 4-7 threads, ~5 ms with 64); keep enough threads in reserve.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        }

        // Registered before UseOrleans so the schema exists before the silo's providers touch the database.
        builder.Services.AddHostedService<SchemaHostedService>();
        builder.UseOrleans(silo => ConfigureSilo(silo, options));
        builder.Services.AddOptions<CommunicationOptions>().BindConfiguration(CommunicationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ChannelDirectory>();
        builder.Services.AddSingleton<PatientLinkSigner>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());

        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        return builder;
    }

    private static void ConfigureSilo(ISiloBuilder silo, PtHubOptions options)
    {
        // Failure detection (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, ...) can be tuned in the
        // "PtHub:Membership" section; unset keys keep Orleans' defaults (deploy/README.md has the measured recovery).
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration($"{PtHubOptions.Section}:Membership");

        // A closed visit, its patient and the rooms and therapists it used are idle for the rest of the day: they go after
        // ShortLivedIdle instead of Orleans' one age for all, so a node's memory follows the open visits, not the day's.
        silo.Services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.Section)
            .Validate(a => a.CollectionQuantum > TimeSpan.Zero && a.ShortLivedIdle >= a.CollectionQuantum && a.Idle >= a.ShortLivedIdle,
                "PtHub:Activations needs 0 < CollectionQuantum <= ShortLivedIdle <= Idle.")
            .ValidateOnStart();
        silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<ActivationOptions>>((collection, activations) =>
        {
            collection.CollectionQuantum = activations.Value.CollectionQuantum;
            collection.CollectionAge = activations.Value.Idle;
            foreach (var grainClass in Grains.ShortLivedGrains.Classes)
            {
                collection.ClassSpecificCollectionAge[grainClass.FullName!] = activations.Value.ShortLivedIdle;
            }
        });

        // State is stored with Orleans' own version-tolerant binary format ([GenerateSerializer]/[Id]/[Alias]),
        // not the providers' default JSON, which writes CLR type names and cannot read back compiler-made collections.
        foreach (var name in new[] { Grains.StorageNames.State, SqliteStorageName })
        {
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(name)
                .Configure<Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }

        // Each clinic's reminder wakes its today (ClinicGrain.KeepToday); tests run it every second, below Orleans'
        // default one-minute floor.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(Math.Min(60, options.KeeperSeconds)));

        silo.Configure<ClusterOptions>(c =>
        {
            c.ClusterId = options.ClusterId;
            c.ServiceId = options.ServiceId;
        });

        if (options.Storage == StorageProvider.PostgreSql)
        {
            var connectionString = options.PostgreSqlConnectionString!;
            ConfigureEndpoints(silo, options);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgreSqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(Grains.StorageNames.State, o =>
            {
                o.Invariant = PostgreSqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = PostgreSqlInvariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddAdoNetGrainStorage(SqliteStorageName, o =>
            {
                o.Invariant = SqliteInvariant;
                o.ConnectionString = options.SqliteConnectionString;
            });
            silo.Services.AddKeyedSingleton<IGrainStorage>(Grains.StorageNames.State, (sp, _) =>
                new SerializedGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(SqliteStorageName), sp.GetRequiredService<SqliteWriteGate>()));

            // Reminders in the same file (schema sqlite/0014): a clinic's reminder survives a restart of the embedded
            // node as it does a cluster's. They are written once per clinic, so the write gate is not needed.
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = SqliteInvariant;
                o.ConnectionString = options.SqliteConnectionString;
            });
        }
    }

    /// <summary>
    /// Where a PostgreSQL-clustered silo listens and what it advertises: the pod's IP under Kubernetes hosting, a
    /// configured address (127.0.0.1 for a cluster on one machine), or by default this host's address.
    /// </summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, PtHubOptions options)
    {
        if (options.Kubernetes)
        {
            // Only the ports here: UseKubernetesHosting advertises POD_IP (it sets the address only when none is set),
            // listens on all addresses, names the silo after POD_NAME, and takes ORLEANS_CLUSTER_ID/ORLEANS_SERVICE_ID.
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
            });
            silo.UseKubernetesHosting();
        }
        else if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            if (!IPAddress.TryParse(options.AdvertisedAddress, out var address))
            {
                throw new OptionsValidationException(PtHubOptions.Section, typeof(PtHubOptions),
                    [$"PtHub:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address."]);
            }

            silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
