namespace PtHub.Silo.Storage;

/// <summary>
/// One writer at a time for the embedded SQLite file. SQLite allows a single writer; a second one gets "busy", and
/// Microsoft.Data.Sqlite then blocks its thread in 150 ms sleeps. Waiting here instead is asynchronous: no thread is
/// held, and writes follow each other without the sleeps (the benchmark's tail came from them).
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        await _gate.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task RunAsync(Func<Task> write) => RunAsync(async () =>
    {
        await write();
        return true;
    });
}
