using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PtHub.Web;

namespace PtHub.Tests.Infrastructure;

public sealed class ActivationOptionsTests
{
    private static string[] NodeArgs(params string[] more)
    {
        string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        return
        [
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--contentRoot", AppNode.WebProjectDirectory,
            $"--PtHub:SqlitePath={TempPaths.NewDatabase()}", $"--PtHub:SiloPort={Port()}", $"--PtHub:GatewayPort={Port()}",
            "--PtHub:SeedDemo=false", "--Logging:LogLevel:Default=None", .. more,
        ];
    }

    [Fact]
    public async Task ShortLivedGrainsGetTheirOwnIdleAgeAndTheDaysReadSideKeepsOrleansAge()
    {
        await using var app = PtHubWebApp.Create(NodeArgs("--PtHub:Activations:ShortLivedIdle=00:02:30", "--PtHub:Activations:Idle=00:20:00"));

        var collection = app.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(20), collection.CollectionAge);
        Assert.Equal(TimeSpan.FromSeconds(150), collection.ClassSpecificCollectionAge["PtHub.Grains.Visits.VisitGrain"]);
        Assert.Equal(TimeSpan.FromSeconds(150), collection.ClassSpecificCollectionAge["PtHub.Grains.Patients.PatientGrain"]);
        Assert.False(collection.ClassSpecificCollectionAge.ContainsKey("PtHub.Grains.Clinics.ClinicDayLiveGrain"),
            "the day's read side holds the views and the watching nodes; it must stay for Orleans' age");
    }

    [Fact]
    public async Task ANodeWhoseShortLivedIdleIsBelowTheCollectionPeriodDoesNotStart()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = PtHubWebApp.Create(NodeArgs("--PtHub:Activations:ShortLivedIdle=00:00:10", "--PtHub:Activations:CollectionQuantum=00:01:00"));
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("PtHub:Activations", refused.Message, StringComparison.Ordinal);
    }
}
