using Npgsql;

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that <c>./scripts/test.sh</c> starts and announces in
/// <see cref="EnvironmentVariable"/>. Tests that need it fail (never skip) when it is not there.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PTHUB_TEST_POSTGRES";

    /// <summary>The server's administrative connection string (database <c>postgres</c>).</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Assert.Fail($"{EnvironmentVariable} is not set: the PostgreSQL tests need a real server. "
                    + "Run ./scripts/test.sh, which starts PostgreSQL and sets it "
                    + "(or set it yourself, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
            }

            return value;
        }
    }

    /// <summary>Creates a new, empty, uniquely named database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = $"pthub_test_{Guid.NewGuid():N}";

        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);

            // template0 is never connected to, so concurrent CREATE DATABASE calls cannot collide on the template.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }
}
