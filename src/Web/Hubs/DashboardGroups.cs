using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>The SignalR group of each view of each clinic.</summary>
public static class DashboardGroups
{
    public static string Of(string clinicId, DashboardView view) => $"clinic:{clinicId}:{view.ToCode()}";

    public static string OfSchedule(string clinicId, DateOnly date) => $"clinic:{clinicId}:schedule:{date:yyyy-MM-dd}";

    public static string OfTherapist(string clinicId, string therapistId) => $"clinic:{clinicId}:therapist:{therapistId}";
}
