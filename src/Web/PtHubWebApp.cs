namespace PtHub.Web;

/// <summary>Builds the PtHub web node; tests build it the same way, on a real Kestrel port.</summary>
public static class PtHubWebApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPtHubWeb();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapPtHub();
        return app;
    }
}
