namespace PtHub.Web.Endpoints;

/// <summary>
/// One patient to act on: what is due (<see cref="Detail"/>, in words) and where their profile is. <see cref="Key"/>
/// names the row (list, patient and the authorization, plan or visit it is about) for marking it done.
/// <see cref="PlanId"/>: the plan of care a dropped-off row is about (what a recall is for); null on the other lists.
/// </summary>
internal sealed record WorklistRow(string Key, string PatientId, string PatientName, string Detail, string Profile, string? PlanId = null);
