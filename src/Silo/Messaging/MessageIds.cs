using System.Security.Cryptography;
using System.Text;

namespace PtHub.Silo.Messaging;

/// <summary>The e-mail Message-ID of an outbox message: derived from its idempotency key, so a retry carries the same one.</summary>
public static class MessageIds
{
    public const string Domain = "outbox.pthub";

    public static string For(string idempotencyKey) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..40]}@{Domain}";
}
