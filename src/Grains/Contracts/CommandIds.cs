using System.Security.Cryptography;
using System.Text;

namespace PtHub.Grains.Contracts;

public static class CommandIds
{
    /// <summary>
    /// A stable id for a follow-on command (a walk-in's arrival after its booking), so retrying the first
    /// command retries the second with the same id and it still applies once.
    /// </summary>
    public static Guid? Derive(Guid? commandId, string step)
    {
        if (commandId is not { } id)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}/{step}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
