using System.Net;
using Npgsql;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.PostgreSql;

/// <summary>
/// On PostgreSQL as on SQLite (<see cref="Audit.AuditBeforeEffectTests"/>): a visit step whose audit entry the real
/// audit table refuses changes nothing and answers an error; accepted, it leaves the change and its one entry.
/// </summary>
public sealed class PostgreSqlAuditBeforeEffectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_check_in_whose_audit_entry_cannot_be_written_changes_nothing_and_answers_an_error()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var node = await PostgreSqlNodes.StartAsync(database, clusterId);
        var clinic = await ApiClinic.CreateAsync(node.Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await clinic.BookAsync(patientId);
        Assert.Equal(HttpStatusCode.OK, (await clinic.CommandAsync(visitId, "arrive")).StatusCode);

        await ExecuteAsync(database, $"""
            CREATE FUNCTION test_refuse_check_in() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.clinic_id = '{clinic.Id}' AND NEW.action = 'visit.check-in' THEN
                RAISE EXCEPTION 'audit store refuses the entry';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER trg_test_refuse_check_in BEFORE INSERT ON pthub_audit FOR EACH ROW EXECUTE FUNCTION test_refuse_check_in();
            """);
        var refused = await clinic.CommandAsync(visitId, "check-in");

        Assert.True((int)refused.StatusCode >= 500, $"expected a server error, got {(int)refused.StatusCode}");
        Assert.Equal("arrived", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        Assert.Equal(["book", "arrive"], await ColumnAsync(database, "SELECT command FROM pthub_visit_events WHERE visit_id = @id ORDER BY seq", visitId));
        Assert.DoesNotContain("visit.check-in", await ColumnAsync(database, "SELECT action FROM pthub_audit WHERE chain = @id", clinic.Id));

        await ExecuteAsync(database, "DROP TRIGGER trg_test_refuse_check_in ON pthub_audit;");
        var accepted = await clinic.CommandAsync(visitId, "check-in");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("checked-in", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        Assert.Equal(["book", "arrive", "check-in"], await ColumnAsync(database, "SELECT command FROM pthub_visit_events WHERE visit_id = @id ORDER BY seq", visitId));
        Assert.Equal([$"{patientId} {AuditOutcomes.Ok}"], await ColumnAsync(database,
            "SELECT patient_id || ' ' || outcome FROM pthub_audit WHERE chain = @id AND action = 'visit.check-in'", clinic.Id));
        await node.StopAsync();
    }

    private static async Task<List<string>> ColumnAsync(string database, string sql, string id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
