using PtHub.Web;

if (args is [AuditVerifyCommand.Name, .. var commandArgs])
{
    return await AuditVerifyCommand.RunAsync(commandArgs, Console.Out);
}

if (args is [KpiRebuildCommand.Name, .. var rebuildArgs])
{
    return await KpiRebuildCommand.RunAsync(rebuildArgs, Console.Out);
}

var app = PtHubWebApp.Create(args);
await app.RunAsync();
return 0;
