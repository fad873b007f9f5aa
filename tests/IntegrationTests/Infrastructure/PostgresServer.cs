using Npgsql;
using Testcontainers.PostgreSql;
using VideoTube.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests;

/// <summary>
/// The PostgreSQL server for the whole run (a set-up fixture in the root namespace, so it covers every test): <c>VIDEOTUBE_TEST_CONNECTION</c> when set (scripts/test.sh starts a
/// throwaway local server where Docker is absent), else a Testcontainers container. The schema is migrated once into
/// a template database; every test fixture then gets a fresh copy of it in milliseconds.
/// </summary>
[SetUpFixture]
public sealed class PostgresServer
{
    public const string ConnectionVariable = "VIDEOTUBE_TEST_CONNECTION";

    private static PostgreSqlContainer? _container;
    private static string? _serverConnectionString;
    private static string? _templateName;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                await _container.StartAsync();
                _serverConnectionString = _container.GetConnectionString();
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"No PostgreSQL for the tests: set {ConnectionVariable} or make a Docker daemon reachable " +
                    "(scripts/test.sh does the former for you).", exception);
            }
        }

        _templateName = $"videotube_template_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{_templateName}\"");
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        VideoTube.Infrastructure.DependencyInjection.ConfigureDbContext(options, ConnectionStringFor(_templateName));
        await using (var context = new ApplicationDbContext(options.Options))
            await context.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_templateName is not null)
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_templateName}\" WITH (FORCE)");
        if (_container is not null)
            await _container.DisposeAsync();
    }

    /// <summary>Creates an empty, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"videotube_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_templateName}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
