namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.LobbyTherapist")]
public sealed record LobbyTherapist(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] ValueList<LobbyEntry> NowSeeing,
    [property: Id(2)] ValueList<LobbyEntry> Waiting,
    [property: Id(3)] int? NextWaitMinutes,
    [property: Id(4)] int RunningLateMinutes = 0);
