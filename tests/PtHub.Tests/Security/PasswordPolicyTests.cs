using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>NIST SP 800-63B through the password change: weak and over-long passwords are refused with the reason.</summary>
[Collection(NodeCollection.Name)]
public sealed class PasswordPolicyTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("aaaaaaaaaaaa", "repeats one character")]
    [InlineData("123456789012", "most common")]
    [InlineData("passwordpassword", "repeats a shorter part")]
    [InlineData("Password2026!", "most common")]
    [InlineData("QwertyUiop123", "most common")]
    [InlineData("short-one", "at least 12")]
    [InlineData("{user}-is-my-secret", "user name")]
    [InlineData("{long}", "at most 256")]
    public async Task AWeakOrOverlongNewPasswordIsRefusedWithTheReason(string newPassword, string reason)
    {
        using var user = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(fixture.Node.Http)).Id]);
        newPassword = newPassword.Replace("{user}", user.UserName, StringComparison.Ordinal).Replace("{long}", new string('x', 150) + new string('y', 150), StringComparison.Ordinal);

        using var response = await user.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = user.Password, newPassword }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains(reason, problem["errors"]!["newPassword"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLongestPasswordAChangeAcceptsSignsIn()
    {
        using var user = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(fixture.Node.Http)).Id]);
        var longest = string.Concat(Enumerable.Range(0, 32).Select(i => $"w{i:D2}-pass")).PadRight(256, 'z')[..256];

        (await user.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = user.Password, newPassword = longest }, Ct)).EnsureSuccessStatusCode();

        using var again = new StaffClient(fixture.Node.BaseAddress);
        await again.SignInAsync(user.UserName, longest);
    }
}
