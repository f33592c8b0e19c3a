namespace PtHub.FaultDrill;

/// <summary>A clinic the drill created, with its therapists and registered patients.</summary>
public sealed record ClinicSetup(string Id, IReadOnlyList<string> TherapistIds, IReadOnlyList<string> PatientIds)
{
    private static readonly string[] Therapists = ["ann", "bob", "cho", "dev"];

    /// <summary>Creates a clinic open around the clock (so the drill runs at any hour) and registers its patients.</summary>
    public static async Task<ClinicSetup> CreateAsync(Nodes nodes, string id, int patients, CancellationToken cancellationToken)
    {
        var config = new
        {
            name = $"Drill {id}",
            timeZoneId = "Etc/UTC",
            openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "00:00", closes = "23:59" }),
            rooms = new object[]
            {
                new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 },
                new { id = "gym", name = "Gym", kind = "gym", capacity = 100 },
            },
            // Ten patients at once each: the drill's visits never wait for capacity.
            therapists = Therapists.Select(t => new { id = t, displayName = $"{char.ToUpperInvariant(t[0])}{t[1..]} PT", maxConcurrentPatients = 10 }),
        };
        await nodes.SendJsonAsync(HttpMethod.Put, $"api/clinics/{id}", config, cancellationToken);

        var patientIds = new List<string>();
        for (var i = 0; i < patients; i++)
        {
            var patient = await nodes.SendJsonAsync(HttpMethod.Post, $"api/clinics/{id}/patients",
                new { firstName = $"Pat{i}", lastName = $"Drill{id[^3..]}", birthDate = "1970-01-01" }, cancellationToken);
            patientIds.Add(patient!["patientId"]!.GetValue<string>());
        }

        return new ClinicSetup(id, Therapists, patientIds);
    }
}
