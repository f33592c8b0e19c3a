namespace PtHub.Grains;

internal static class StateWrites
{
    /// <summary>
    /// Writes the state; if the write fails, the activation is dropped before the error goes back. The in-memory state
    /// is then ahead of storage, and a retry must not find it (a retried command would be answered as done but never
    /// stored); the next call reads what is really stored. Reading it back here is no cure: storage is likely down.
    /// </summary>
    public static async Task WriteOrDropAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
