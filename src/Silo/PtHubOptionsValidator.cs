using Microsoft.Extensions.Options;

namespace PtHub.Silo;

internal sealed class PtHubOptionsValidator : IValidateOptions<PtHubOptions>
{
    public ValidateOptionsResult Validate(string? name, PtHubOptions options) =>
        options.Storage == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString)
            ? ValidateOptionsResult.Fail("PtHub:PostgreSqlConnectionString is required when PtHub:Storage is PostgreSql.")
            : ValidateOptionsResult.Success;
}
