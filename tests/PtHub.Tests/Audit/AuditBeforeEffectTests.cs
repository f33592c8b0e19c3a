using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task A_booking_whose_audit_entry_cannot_be_written_is_not_made_and_a_refused_one_is_logged_as_not_done()
    {
        var database = TempPaths.NewDatabase();
        var connectionString = $"Data Source={database}";
        await using var node = await AppNode.StartSqliteAsync(database);
        var clinic = await ApiClinic.CreateAsync(node.Http);
        var patientId = await clinic.AddPatientAsync();
        object Booking(string therapistId) => new
        {
            patientId, therapistId, visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(1), overrideReason = "test",
        };

        // The endpoint's own entry is written before the booking: refused by the store, the booking never happens.
        await ExecuteAsync(connectionString, $"""
            CREATE TRIGGER trg_test_refuse_booking BEFORE INSERT ON pthub_audit
            WHEN NEW.clinic_id = '{clinic.Id}' AND NEW.action = 'visit.book'
            BEGIN SELECT RAISE(ABORT, 'audit store refuses the entry'); END;
            """);
        using var refused = await node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", Booking("bob"), TestContext.Current.CancellationToken);

        Assert.True((int)refused.StatusCode >= 500, $"expected a server error, got {(int)refused.StatusCode}");
        Assert.Equal(0, await CountAsync(connectionString, "SELECT COUNT(*) FROM pthub_visit_events"));

        await ExecuteAsync(connectionString, "DROP TRIGGER trg_test_refuse_booking;");
        using var unknownTherapist = await node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", Booking("nobody"), TestContext.Current.CancellationToken);
        using var booked = await node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", Booking("bob"), TestContext.Current.CancellationToken);

        Assert.False(unknownTherapist.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var entries = (await new SqliteAuditStore(connectionString).QueryAsync(new AuditQuery(clinic.Id), TestContext.Current.CancellationToken))
            .Where(e => e.Action == "visit.book").OrderBy(e => e.Sequence).ToList();
        Assert.Equal([(patientId, AuditOutcomes.Ok), (patientId, AuditOutcomes.Failed), (patientId, AuditOutcomes.Ok)],
            entries.Select(e => (e.PatientId, e.Outcome)));
        Assert.Equal(1, await CountAsync(connectionString, "SELECT COUNT(DISTINCT visit_id) FROM pthub_visit_events"));
        await node.StopAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
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
