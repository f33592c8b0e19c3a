using PtHub.Web;

var app = PtHubWebApp.Create(args);
await app.RunAsync();
