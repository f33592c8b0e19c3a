using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Tests.Patients;

namespace PtHub.Tests.Sqlite;

/// <summary>The patient index on the embedded SQLite file, with the schema the node installs.</summary>
public sealed class SqlitePatientIndexTests : PatientIndexContract
{
    protected override async Task<IPatientIndex> NewIndexAsync()
    {
        var connectionString = $"Data Source={TempPaths.NewDatabase()}";
        await SchemaInstaller.ApplySqliteAsync(connectionString, Ct);
        return new SqlitePatientIndex(connectionString, new SqliteWriteGate());
    }
}
