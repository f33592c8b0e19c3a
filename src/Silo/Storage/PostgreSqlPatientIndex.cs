using System.Data.Common;
using Npgsql;

namespace PtHub.Silo.Storage;

/// <summary>The patient index in PostgreSQL: dates are <c>date</c> columns.</summary>
internal sealed class PostgreSqlPatientIndex(NpgsqlDataSource dataSource) : PatientIndexStore(dataSource)
{
    protected override object DateValue(DateOnly date) => date;

    protected override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);
}
