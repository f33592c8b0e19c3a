using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PtHub.Silo.Storage;

/// <summary>
/// The patient index in the embedded SQLite file: dates are yyyy-MM-dd text (sorts and compares as dates), and writes
/// take turns with grain state and events through the node's <see cref="SqliteWriteGate"/>.
/// </summary>
internal sealed class SqlitePatientIndex(string connectionString, SqliteWriteGate? gate = null)
    : PatientIndexStore(SqliteFactory.Instance.CreateDataSource(WithBusyTimeout(connectionString)))
{
    protected override object DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override Task WriteAsync(Func<Task> write) => gate is null ? write() : gate.RunAsync(write);

    /// <summary>Wait for another writer of the file (another process, or a write outside the gate) instead of failing at once.</summary>
    private static string WithBusyTimeout(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 10 }.ConnectionString;
}
