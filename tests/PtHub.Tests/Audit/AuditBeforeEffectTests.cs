using System.Net;
using Microsoft.Data.Sqlite;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Audit;

/// <summary>
/// A visit command is audited before it takes effect: when the real audit table refuses the entry, the desk gets an
/// error and the visit, its events and the log are as before; once the table takes entries again, the same command
/// leaves the change and its entry.
/// </summary>
public sealed class AuditBeforeEffectTests
{
    [Fact]
    public async Task A_check_in_whose_audit_entry_cannot_be_written_changes_nothing_and_answers_an_error()
    {
        var database = TempPaths.NewDatabase();
        var connectionString = $"Data Source={database}";
        await using var node = await AppNode.StartSqliteAsync(database);
        var clinic = await ApiClinic.CreateAsync(node.Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await clinic.BookAsync(patientId);
        Assert.Equal(HttpStatusCode.OK, (await clinic.CommandAsync(visitId, "arrive")).StatusCode);

        // The store itself refuses: a trigger aborts every insert of this clinic's check-in entries.
        await ExecuteAsync(connectionString, $"""
            CREATE TRIGGER trg_test_refuse_check_in BEFORE INSERT ON pthub_audit
            WHEN NEW.clinic_id = '{clinic.Id}' AND NEW.action = 'visit.check-in'
            BEGIN SELECT RAISE(ABORT, 'audit store refuses the entry'); END;
            """);
        var refused = await clinic.CommandAsync(visitId, "check-in");

        Assert.True((int)refused.StatusCode >= 500, $"expected a server error, got {(int)refused.StatusCode}");
        Assert.Equal("arrived", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        Assert.Equal(["book", "arrive"], await EventCommandsAsync(connectionString, visitId));
        Assert.DoesNotContain("visit.check-in", await ActionsAsync(connectionString, clinic.Id));

        await ExecuteAsync(connectionString, "DROP TRIGGER trg_test_refuse_check_in;");
        var accepted = await clinic.CommandAsync(visitId, "check-in");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("checked-in", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        Assert.Equal(["book", "arrive", "check-in"], await EventCommandsAsync(connectionString, visitId));
        var entries = await new SqliteAuditStore(connectionString).QueryAsync(new AuditQuery(clinic.Id), TestContext.Current.CancellationToken);
        var checkIn = Assert.Single(entries, e => e.Action == "visit.check-in");
        Assert.Equal((patientId, AuditOutcomes.Ok), (checkIn.PatientId, checkIn.Outcome));
        Assert.Single(entries, e => e.Action == "visit.arrive");
        await node.StopAsync();
    }

    private static async Task<List<string>> ActionsAsync(string connectionString, string clinicId) =>
        [.. (await new SqliteAuditStore(connectionString).QueryAsync(new AuditQuery(clinicId), TestContext.Current.CancellationToken)).Select(e => e.Action)];

    private static async Task<List<string>> EventCommandsAsync(string connectionString, string visitId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT command FROM pthub_visit_events WHERE visit_id = @visit ORDER BY seq";
        command.Parameters.AddWithValue("@visit", visitId);
        var commands = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            commands.Add(reader.GetString(0));
        }

        return commands;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
