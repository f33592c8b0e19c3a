using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using PtHub.Silo;
using PtHub.Web.Demo;
using PtHub.Web.Endpoints;
using PtHub.Web.Hardening;
using PtHub.Web.Hubs;
using PtHub.Web.Security;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace PtHub.Web;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddPtHubWeb(this WebApplicationBuilder builder)
    {
        builder.AddPtHubSilo();
        builder.AddPtHubSecurity();
        builder.AddPtHubHardening();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddPtHubOpenApi();
        if ((builder.Configuration.GetSection(PtHubOptions.Section).Get<PtHubOptions>() ?? new PtHubOptions()).ShouldSeedDemo)
        {
            // Clinic time that the demo seeder can turn back while it replays the demo morning (tests may still replace it).
            builder.Services.AddSingleton(new ReplayClock(TimeProvider.System));
            builder.Services.AddKeyedSingleton<TimeProvider>(Grains.Clock.Key, (sp, _) => sp.GetRequiredService<ReplayClock>());
        }

        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddSingleton<DemoFrontDesk>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoFrontDesk>());
        builder.Services.AddSingleton<HubGuard>();
        builder.Services.AddSingleton<DeniedJoinLog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeniedJoinLog>());
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = DashboardHub.MaximumReceiveMessageBytes;
                o.AddFilter<HubGuard>();
            }).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddSingleton<IDashboardAccess, StaffDashboardAccess>();
        builder.Services.AddSingleton<LiveWatchRegistry>();
        builder.Services.AddSingleton<LivePushForwarder>();
        builder.Services.AddSingleton<DashboardBridge>();
        builder.Services.AddHostedService<LiveWatchRenewer>();
        return builder;
    }

    public static WebApplication MapPtHub(this WebApplication app)
    {
        StartupBanner.Announce(app);
        app.UseExceptionHandler();
        app.UsePtHubStatusCodePages();
        app.UsePtHubHardening();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UsePtHubSecurity();
        app.MapScreens();
        app.MapOpenApi().RequireAuthorization(AccessPolicies.Staff);
        app.MapScalarApiReference("/api-docs").RequireAuthorization(AccessPolicies.Staff);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        // A live connection ends with the session it was opened in: it cannot outlive or extend a sign-in.
        app.MapHub<DashboardHub>(DashboardHub.Path, o => o.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization(AccessPolicies.LiveScreen);

        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitPolicies.Commands);
        api.AddEndpointFilter(AuditTrail.Filter);
        api.MapAccountEndpoints();
        api.MapUserEndpoints();
        api.MapDisplayEndpoints();
        api.MapClinicEndpoints();
        api.MapPatientEndpoints();
        api.MapVisitEndpoints();
        api.MapCoverageEndpoints();
        api.MapChargeEndpoints();
        api.MapScheduleEndpoints();
        api.MapPlanOfCareEndpoints();
        api.MapWaitlistEndpoints();
        api.MapCommunicationEndpoints();
        api.MapVisitLinkEndpoints();
        api.MapRecallEndpoints();
        api.MapOfferLinkEndpoints();
        api.MapOfferEndpoints();
        api.MapOptOutEndpoints();
        api.MapBillingEndpoints();
        api.MapCalendarEndpoints();
        api.MapTherapistDayEndpoints();
        api.MapAuditEndpoints();
        api.MapKpiEndpoints();
        api.MapWorklistEndpoints();
        api.MapSupplyEndpoints();
        api.MapEquipmentEndpoints();
        api.MapInjuryLogEndpoints();
        api.MapStaffEndpoints();
        api.MapOnboardingEndpoints();
        api.MapReferralEndpoints();
        api.MapBillingCodeEndpoints();
        return app;
    }
}
