using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>With a certificate configured, the data-protection key ring is stored encrypted, and still works after a restart.</summary>
public sealed class KeyRingEncryptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheKeyRingIsStoredEncryptedWithTheCertificateAndSessionsSurviveARestart()
    {
        var database = TempPaths.NewDatabase();
        var certificatePath = Path.Combine(Path.GetDirectoryName(database)!, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=PtHub key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "pfx-password"), Ct);
        }

        (string, string)[] settings = [("PtHub:Security:KeyCertificatePath", certificatePath), ("PtHub:Security:KeyCertificatePassword", "pfx-password")];
        System.Net.Cookie[] cookies;
        await using (var node = await AppNode.StartSqliteAsync(database, settings))
        {
            var keys = await node.Grains.GetGrain<IDataProtectionKeysGrain>("all").GetAll();

            var key = Assert.Single(keys);
            Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
            cookies = [.. node.Admin.Cookies.GetCookies(node.BaseAddress).Cast<System.Net.Cookie>()];
            await node.StopAsync();
        }

        // The restarted node reads the encrypted key back: the session cookie it issued before still opens a session.
        await using var restarted = await AppNode.StartSqliteAsync(database, settings);
        using var again = new StaffClient(restarted.BaseAddress);
        foreach (var cookie in cookies)
        {
            again.Cookies.Add(restarted.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value));
        }

        using var me = await again.Http.GetAsync("/api/account/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
