using PtHub.Web;

if (args is [AuditVerifyCommand.Name, .. var commandArgs])
{
    return await AuditVerifyCommand.RunAsync(commandArgs, Console.Out);
}

var app = PtHubWebApp.Create(args);
await app.RunAsync();
return 0;
