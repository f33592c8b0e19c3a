using System.Buffers.Text;
using System.Security.Cryptography;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Communication;

/// <summary>The offer link token on its own: what is signed reads back; an altered byte, another key, or a visit link reads as nothing.</summary>
public sealed class OfferLinksTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(VisitLinks.KeyBytes);

    private static readonly OfferLink Link = new("clinic-a", "visit-1", 2, "entry-7", new DateTimeOffset(2026, 12, 9, 14, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ASignedOfferReadsBackAndSigningIsDeterministic()
    {
        var token = OfferLinks.Sign(Key, Link);

        Assert.StartsWith("w1.", token, StringComparison.Ordinal);
        Assert.Equal(Link, OfferLinks.Read(Key, token));
        Assert.Equal(token, OfferLinks.Sign(Key, Link));
    }

    [Fact]
    public void EveryAlteredByteAnotherKeyOrAVisitLinkReadsAsNoOffer()
    {
        var token = OfferLinks.Sign(Key, Link);
        var parts = token.Split('.');
        foreach (var part in new[] { 1, 2 })
        {
            var bytes = Base64Url.DecodeFromChars(parts[part]);
            for (var i = 0; i < bytes.Length; i++)
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= 0x01;
                var copy = (string[])parts.Clone();
                copy[part] = Base64Url.EncodeToString(altered);
                Assert.Null(OfferLinks.Read(Key, string.Join('.', copy)));
            }
        }

        Assert.Null(OfferLinks.Read(RandomNumberGenerator.GetBytes(VisitLinks.KeyBytes), token));
        var visitLink = VisitLinks.Sign(Key, new VisitLink("clinic-a", "visit-1", Link.ExpiresAt, Link.ExpiresAt, "nonce"));
        Assert.Null(OfferLinks.Read(Key, visitLink));
        Assert.Null(OfferLinks.Read(Key, "w1." + visitLink[3..]));
        Assert.Null(VisitLinks.Read(Key, "v1." + token[3..]));
    }

    [Fact]
    public void AnOfferMessagesKeyNamesItsLinkAndNoOtherMessagesDoes()
    {
        var key = OfferLinks.MessageKey("clinic-a", "visit-1", 2, "entry-7");
        OutboxMessage Message(string messageKey, string clinicId) => new(messageKey, clinicId, "p-1", null, MessageChannel.Email, MessagingSettings.OfferTemplate,
            new Dictionary<string, string>(), Link.ExpiresAt, Link.ExpiresAt, OutboxStatus.Pending, 0, Link.ExpiresAt, null, null, Link.ExpiresAt, null, "test");

        Assert.Equal(Link, OfferLinks.ForMessage(Message(key, "clinic-a")));
        Assert.Null(OfferLinks.ForMessage(Message(key, "clinic-b")));
        Assert.Null(OfferLinks.ForMessage(Message("reminder|visit-1|120|1765288800", "clinic-a")));
    }
}
