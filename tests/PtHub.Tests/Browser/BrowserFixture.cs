using Microsoft.Playwright;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// A node seeded with the demo clinic on a fixed loopback port (so it can be stopped and started again at the
/// same address), and Debian's headless Chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public string Database { get; } = TempPaths.NewDatabase();

    public int Port { get; } = FreePorts.Next();

    public AppNode Node { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: kept as test artifacts next to the test results.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Node = await StartNodeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public Task<AppNode> StartNodeAsync() =>
        AppNode.StartAsync([("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", Database), ("PtHub:SeedDemo", "true"),
            // The demo's own front desk stays still here: the tests compare the screens with the data they read.
            ("PtHub:DemoPulseSeconds", "0")], httpPort: Port);

    /// <summary>Stops the node, as a server restart would; the pages stay open.</summary>
    public async Task StopNodeAsync() => await Node.DisposeAsync();

    public async Task RestartNodeAsync() => Node = await StartNodeAsync();

    /// <summary>Opens a page in a browser where the administrator is signed in (the session cookie of <see cref="AppNode.Admin"/>).</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080, string? browserTimeZone = null)
    {
        var page = await NewSignedInPageAsync(width, height, browserTimeZone);
        await page.GotoAsync(new Uri(Node.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>A blank page in a browser holding the administrator's session.</summary>
    public async Task<IPage> NewSignedInPageAsync(int width = 1920, int height = 1080, string? browserTimeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = browserTimeZone,
        });
        await context.AddCookiesAsync(Node.Admin.Cookies.GetCookies(Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = Node.BaseAddress.ToString() }));
        return await context.NewPageAsync();
    }

    /// <summary>A browser with no session at all, as a wall display or a stranger has.</summary>
    public async Task<IPage> NewAnonymousPageAsync(int width = 1920, int height = 1080)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>Pairs a lobby display through the administrator's API; the answer holds the one-time pairing link.</summary>
    public async Task<(string DisplayId, string PairUrl)> PairDisplayAsync(string clinicId)
    {
        var (displayId, _, pairUrl) = await Node.PairDisplayAsync(clinicId);
        return (displayId, pairUrl);
    }

    /// <summary>A wall display: a browser without any session, opened once on its pairing link.</summary>
    public async Task<IPage> OpenDisplayAsync(string clinicId, string query = "")
    {
        var page = await NewAnonymousPageAsync();
        var pairUrl = (await PairDisplayAsync(clinicId)).PairUrl;
        var fragment = pairUrl.IndexOf('#', StringComparison.Ordinal);
        await page.GotoAsync(query.Length == 0 ? pairUrl : pairUrl[..fragment] + query + pairUrl[fragment..]);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Node.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
