using Npgsql;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Tests.Patients;

namespace PtHub.Tests.PostgreSql;

/// <summary>The patient index on a real PostgreSQL, with the schema the node installs.</summary>
public sealed class PostgreSqlPatientIndexTests : PatientIndexContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _sources = [];

    protected override async Task<IPatientIndex> NewIndexAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        var source = NpgsqlDataSource.Create(database);
        _sources.Add(source);
        return new PostgreSqlPatientIndex(source);
    }

    [Fact]
    public async Task ANodeOnPostgreSqlFindsWhatItRegistered()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var node = await PostgreSqlNodes.StartAsync(database, clusterId);
        var clinic = await PatientClinic.CreateAsync(node.Http);
        await clinic.AddAsync("José", "Smith", "1980-01-02", "555-123-4567");

        Assert.Equal(["Smith, José"], await clinic.SearchAsync("smi jo"));
        Assert.Equal(["Smith, José"], await clinic.SearchAsync("4567"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await clinic.RegisterAsync("Jose", "Smith", "1980-01-02")).StatusCode);
        await node.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }
}
