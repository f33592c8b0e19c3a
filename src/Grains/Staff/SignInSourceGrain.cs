using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

/// <summary>
/// Kept in memory only: the budget's window is minutes, and an address that keeps failing keeps its activation busy.
/// Bounded, so one address cannot grow it without end.
/// </summary>
internal sealed class SignInSourceGrain([FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, ISignInSourceGrain
{
    private const int Kept = 10_000;
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);
    private readonly Queue<DateTimeOffset> _failures = new();

    public Task<int> FailuresWithin(TimeSpan window)
    {
        var since = time.GetUtcNow() - window;
        return Task.FromResult(_failures.Count(f => f > since));
    }

    public Task RecordFailure()
    {
        var now = time.GetUtcNow();
        while (_failures.Count > 0 && (_failures.Count >= Kept || _failures.Peek() < now - LongestWindow))
        {
            _failures.Dequeue();
        }

        _failures.Enqueue(now);
        return Task.CompletedTask;
    }
}
