using PtHub.Grains.Contracts;

namespace PtHub.Tests.Audit;

/// <summary>Audit records as a signed-in caller would give them.</summary>
internal static class Records
{
    public static AuditRecord Read(string? clinicId, string userId = "u-ana", string? patientId = "p-1", string action = "patient.read") =>
        new(userId, "front-desk", clinicId, patientId, action, $"/api/clinics/{clinicId}/patients/{patientId}", AuditOutcomes.Ok, "10.0.0.7");

    public static string NewClinic(string name) => $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 64)];
}
