using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

internal sealed class StaffAccountGrain(
    [PersistentState("account", StorageNames.State)] IPersistentState<StaffAccountState> state,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IStaffAccountGrain
{
    private const int MaxSources = 1000;

    public Task<StaffAccount?> Get() => Task.FromResult(state.State.Account);

    public async Task<bool> Update(StaffAccount account, string expectedStamp)
    {
        if (state.State.Account is null || account.UserId != this.GetPrimaryKeyString() || state.State.Account.SecurityStamp != expectedStamp)
        {
            return false;
        }

        // Ended sessions are this grain's to keep: a save from a read taken before a sign-out must not bring them back.
        state.State.Account = account with { EndedSessions = state.State.Account.EndedSessions };
        await state.WriteOrDropAsync(this);
        return true;
    }

    public async Task EndSession(string sessionId, DateTimeOffset until)
    {
        if (state.State.Account is not { } account)
        {
            return;
        }

        var now = time.GetUtcNow();
        var ended = (account.EndedSessions ?? ValueList<EndedSession>.Empty).Where(s => s.Until > now && s.SessionId != sessionId)
            .Append(new EndedSession(sessionId, until));
        state.State.Account = account with { EndedSessions = ended.ToValueList() };
        await state.WriteOrDropAsync(this);
    }

    public Task<bool> IsSessionLive(string sessionId) =>
        Task.FromResult(state.State.Account?.IsSessionLive(sessionId) == true);

    public Task<SignInFailures?> FailuresFrom(string source) =>
        Task.FromResult(state.State.Failures.Find(f => f.Source == source));

    public async Task<SignInFailures> RecordFailure(string source)
    {
        var now = time.GetUtcNow();
        var count = state.State.Failures.Find(f => f.Source == source)?.Count ?? 0;
        // A source's failures are forgotten a day after its last one; the list stays as short as the live attacks.
        state.State.Failures.RemoveAll(f => f.Source == source || f.Last < now - TimeSpan.FromDays(1));
        var failures = new SignInFailures(source, count + 1, now);
        state.State.Failures.Add(failures);
        if (state.State.Failures.Count > MaxSources)
        {
            // Many addresses at once (a botnet): the oldest are dropped, the per-address budget still holds each one.
            state.State.Failures.RemoveAt(0);
        }

        await state.WriteOrDropAsync(this);
        return failures;
    }

    public async Task ClearFailures(string? source)
    {
        if (state.State.Failures.RemoveAll(f => source is null || f.Source == source) > 0)
        {
            await state.WriteOrDropAsync(this);
        }
    }

    public async Task<bool> Create(StaffAccount account)
    {
        if (state.State.Account is not null || account.UserId != this.GetPrimaryKeyString())
        {
            return false;
        }

        state.State.Account = account;
        await state.WriteOrDropAsync(this);
        return true;
    }
}
