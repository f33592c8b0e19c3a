using System.Text.Json.Nodes;
using Npgsql;

namespace PtHub.Tests.PostgreSql;

/// <summary>Every event of a visit also lands in the append-only table <c>pthub_visit_events</c>.</summary>
public sealed class VisitEventTableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_event_table_holds_exactly_the_events_of_each_visit()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var node = await PostgreSqlNodes.StartAsync(database, clusterId);
        var day = ClinicDay.New("events");
        var visitIds = await day.PlayAsync(node.Http);

        var expectedTotal = 0;
        foreach (var visitId in visitIds)
        {
            var history = await day.GetVisitAsync(node.Http, visitId);
            var expected = history["events"]!.AsArray().Select(e => Expected(day.ClinicId, e!)).ToArray();
            expectedTotal += expected.Length;

            Assert.Equal(expected, await ReadRowsAsync(database, visitId));
        }

        Assert.Equal((long)expectedTotal, await CountClinicRowsAsync(database, day.ClinicId));
        await node.StopAsync();
    }

    [Fact]
    public async Task Events_of_a_visit_carry_who_did_what_and_where()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var node = await PostgreSqlNodes.StartAsync(database, clusterId);
        var day = ClinicDay.New("events");
        await day.ConfigureAsync(node.Http);
        var patientId = await day.RegisterPatientAsync(node.Http, "Omar", "Reyes");
        var visitId = await day.BookAsync(node.Http, patientId, "t2", new TimeOnly(8, 0));
        await day.CommandAsync(node.Http, visitId, "arrive");
        await day.CommandAsync(node.Http, visitId, "check-in");
        await day.CommandAsync(node.Http, visitId, "start", roomId: "gym");

        var rows = await ReadRowsAsync(database, visitId);

        Assert.Equal(
            [
                (1, "book", null, "booked"),
                (2, "arrive", "booked", "arrived"),
                (3, "check-in", "arrived", "checked-in"),
                (4, "start", "checked-in", "in-treatment"),
            ],
            rows.Select(r => (r.Seq, r.Command, r.From, r.To)));
        Assert.Equal(["admin", "admin", "admin"], rows.Skip(1).Select(r => r.Actor));
        Assert.Equal("gym", rows[^1].Room);
        Assert.Equal("t2", rows[^1].Therapist);
        Assert.All(rows, r => Assert.Equal(day.ClinicId, r.ClinicId));
        await node.StopAsync();
    }

    private sealed record EventRow(
        string ClinicId, int Seq, DateTimeOffset OccurredAt, string Actor, string Command, string? From, string To,
        string? Room, string? Therapist, string? Detail);

    private static EventRow Expected(string clinicId, JsonNode e) => new(
        clinicId,
        (int)e["sequence"]!,
        Microseconds((DateTimeOffset)e["at"]!),
        (string)e["actor"]!,
        (string)e["action"]!,
        (string?)e["from"],
        (string)e["to"]!,
        (string?)e["roomId"],
        (string?)e["therapistId"],
        (string?)e["detail"]);

    /// <summary>timestamptz keeps microseconds; .NET keeps 100 ns ticks.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private static async Task<List<EventRow>> ReadRowsAsync(string database, string visitId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT clinic_id, seq, occurred_at, actor, command, from_status, to_status, room_id, therapist_id, detail
              FROM pthub_visit_events
             WHERE visit_id = @visit
             ORDER BY seq
            """, connection);
        command.Parameters.AddWithValue("visit", visitId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<EventRow>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new EventRow(
                reader.GetString(0),
                reader.GetInt32(1),
                Microseconds(reader.GetFieldValue<DateTimeOffset>(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }

    private static async Task<long> CountClinicRowsAsync(string database, string clinicId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pthub_visit_events WHERE clinic_id = @clinic", connection);
        command.Parameters.AddWithValue("clinic", clinicId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
