using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PtHub.Silo;

// A grain-only node: the silo the web nodes co-host, with only the health probes in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddPtHubSilo();
var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
await app.RunAsync();
