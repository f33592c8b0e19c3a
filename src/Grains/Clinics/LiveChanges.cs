using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>What one refresh of the live views changed; null where a view stayed the same.</summary>
internal sealed record LiveChanges(BoardDelta? Board, LobbyView? Lobby, ManagerView? Manager, ScheduleDelta? Schedule);
