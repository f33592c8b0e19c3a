using System.Buffers.Text;
using System.Security.Cryptography;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Communication;

/// <summary>The link token on its own: what is signed reads back, and any change to it, or another key, reads as nothing.</summary>
public sealed class VisitLinksTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(VisitLinks.KeyBytes);

    private static readonly VisitLink Link = new("clinic-a", "visit-1", new DateTimeOffset(2026, 12, 9, 15, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 9, 15, 0, 0, TimeSpan.Zero), "0123456789abcdef0123456789abcdef");

    [Fact]
    public void ASignedLinkReadsBackAndSigningIsDeterministic()
    {
        var token = VisitLinks.Sign(Key, Link);

        Assert.Equal(Link, VisitLinks.Read(Key, token));
        Assert.Equal(token, VisitLinks.Sign(Key, Link));
    }

    [Fact]
    public void EveryAlteredByteOrAnotherKeyReadsAsNoLink()
    {
        var token = VisitLinks.Sign(Key, Link);
        var parts = token.Split('.');

        // Each byte of the payload and of the signature, one at a time (a base64 character's unused bits would not count).
        foreach (var part in new[] { 1, 2 })
        {
            var bytes = Base64Url.DecodeFromChars(parts[part]);
            for (var i = 0; i < bytes.Length; i++)
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= 0x01;
                var copy = (string[])parts.Clone();
                copy[part] = Base64Url.EncodeToString(altered);
                Assert.Null(VisitLinks.Read(Key, string.Join('.', copy)));
            }
        }

        Assert.Null(VisitLinks.Read(Key, "v2" + token[2..]));

        Assert.Null(VisitLinks.Read(RandomNumberGenerator.GetBytes(VisitLinks.KeyBytes), token));
        Assert.Null(VisitLinks.Read(Key, token + "."));
        Assert.Null(VisitLinks.Read(Key, null));
    }

    [Fact]
    public void EachClinicSignsWithItsOwnKeySoSignaturesDoNotCarryOver()
    {
        var a = VisitLinks.Sign(Key, Link).Split('.');
        var b = VisitLinks.Sign(Key, Link with { ClinicId = "clinic-b" }).Split('.');

        // Clinic B's payload under clinic A's signature, and the other way round.
        Assert.Null(VisitLinks.Read(Key, $"{b[0]}.{b[1]}.{a[2]}"));
        Assert.Null(VisitLinks.Read(Key, $"{a[0]}.{a[1]}.{b[2]}"));
    }
}
