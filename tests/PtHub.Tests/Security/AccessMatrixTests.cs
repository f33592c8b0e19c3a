using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Security;

/// <summary>
/// Deny by default, checked from the app's own endpoint list: every endpoint names exactly one policy (or is
/// explicitly anonymous), and every role gets through exactly where this table says, for every endpoint. A new
/// endpoint without a policy, or with a policy this table does not know, fails here.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class AccessMatrixTests(NodeFixture fixture)
{
    private enum Who { Admin, Manager, FrontDesk, Therapist, OtherClinicDesk, Display, Anonymous }

    /// <summary>Who each policy lets in (on a route of clinic A; clinic B's desk only where the route names no clinic).</summary>
    private static readonly Dictionary<string, Who[]> Expected = new()
    {
        ["staff"] = [Who.Admin, Who.Manager, Who.FrontDesk, Who.Therapist, Who.OtherClinicDesk],
        ["front-desk"] = [Who.Admin, Who.Manager, Who.FrontDesk, Who.OtherClinicDesk],
        ["therapist-self"] = [Who.Admin, Who.Manager, Who.Therapist],
        ["manager"] = [Who.Admin, Who.Manager],
        ["admin"] = [Who.Admin],
        ["live-screen"] = [Who.Admin, Who.Manager, Who.FrontDesk, Who.Therapist, Who.OtherClinicDesk, Who.Display],
    };

    [Fact]
    public void EveryEndpointNamesExactlyOneKnownPolicyOrIsExplicitlyAnonymous()
    {
        var unguarded = Endpoints()
            .Where(e => !e.Anonymous && (e.Policies.Length != 1 || !Expected.ContainsKey(e.Policies[0])))
            .Select(e => $"{e.Method} {e.Route} (policies: {string.Join(",", e.Policies)}, anonymous: {e.Anonymous})")
            .ToList();

        Assert.True(Endpoints().Count > 60, "the endpoint list looks incomplete");
        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task EveryRoleReachesExactlyTheEndpointsItsPoliciesAllow()
    {
        using var secured = await SecuredClinic.CreateAsync(fixture.Node);
        var clients = new Dictionary<Who, HttpClient>
        {
            [Who.Admin] = fixture.Node.Http,
            [Who.Manager] = secured.Manager.Http,
            [Who.FrontDesk] = secured.FrontDesk.Http,
            [Who.Therapist] = secured.Therapist.Http,
            [Who.OtherClinicDesk] = secured.OtherDesk.Http,
            [Who.Display] = secured.Display,
            [Who.Anonymous] = secured.Anonymous,
        };
        // A throwaway account for the user routes (a password reset really happens).
        using var target = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [secured.Clinic.Id]);
        var values = new Dictionary<string, string>
        {
            ["clinicId"] = secured.Clinic.Id, ["patientId"] = secured.PatientId, ["visitId"] = secured.AnnVisitId,
            ["therapistId"] = "ann", ["entryId"] = "no-such-entry", ["userId"] = target.UserName.ToLowerInvariant(),
            ["displayId"] = "0123456789abcdef0123456789abcdef", ["documentName"] = "v1", ["messageKey"] = "no-such-message", ["itemId"] = "no-such-item",
            ["staffId"] = "no-such-person", ["credentialId"] = "no-such-credential", ["typeCode"] = "hipaa",
            ["providerId"] = "no-such-provider", ["code"] = "X9999", ["referralId"] = "no-such-referral", ["caseId"] = "no-such-case",
            ["openingId"] = "no-such-opening",
        };

        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints())
        {
            var path = Fill(endpoint.Route, values);
            foreach (var (who, client) in clients)
            {
                // Anonymous endpoints (sign-in, sign-out, health...) are checked as nobody: signing a session out
                // here would end it for the rest of the matrix.
                if (endpoint.Anonymous && who != Who.Anonymous)
                {
                    continue;
                }

                var allowed = endpoint.Anonymous || IsAllowed(endpoint, who);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (endpoint.TakesBody)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                checkedCount++;
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (refused == allowed)
                {
                    wrong.Add($"{who} {endpoint.Method} {endpoint.Route}: {(int)response.StatusCode}, expected {(allowed ? "through" : "refused")}");
                }
            }
        }

        Assert.True(checkedCount > 300, $"only {checkedCount} requests were checked");
        Assert.Empty(wrong);
    }

    private static bool IsAllowed(Endpoint endpoint, Who who)
    {
        var policy = endpoint.Policies.Single();
        var namesClinic = endpoint.Route.Contains("{clinicId}", StringComparison.Ordinal);
        return Expected[policy].Contains(who) && !(who == Who.OtherClinicDesk && namesClinic);
    }

    private static string Fill(string route, Dictionary<string, string> values)
    {
        var path = route;
        foreach (var (name, value) in values)
        {
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal)
                .Replace($"{{{name}?}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return path;
    }

    private List<Endpoint> Endpoints() =>
    [
        .. fixture.Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Endpoint(
                method,
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)")],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .Where(e => e.Method != "OPTIONS")
            .DistinctBy(e => (e.Method, e.Route)),
    ];

    private sealed record Endpoint(string Method, string Route, string[] Policies, bool Anonymous, bool TakesBody);
}
