using System.Globalization;

namespace VideoTube.Seeder;

/// <summary>Command-line options. Every count defaults to its scale-1 figure times <c>--scale</c>.</summary>
public sealed record SeedOptions
{
    public const string DefaultPassword = "password123";
    public const string ConnectionEnvironmentVariable = "ConnectionStrings__VideoTube";

    public required string ConnectionString { get; init; }
    public int Users { get; init; }
    public int Videos { get; init; }
    public int Tweets { get; init; }
    public int Comments { get; init; }
    public int Subscriptions { get; init; }
    public int Likes { get; init; }
    public int History { get; init; }
    public int Seed { get; init; } = 42;
    public string Password { get; init; } = DefaultPassword;
    /// <summary>Zipf exponent of channel popularity (subscribers); content popularity uses a milder one.</summary>
    public double ChannelSkew { get; init; } = 1.0;
    public bool Reset { get; init; }
    public bool Migrate { get; init; } = true;

    public const string Usage = """
        Fills a VideoTube PostgreSQL database with realistic data through COPY.

        usage: videotube-seed [options]
          --connection "<conn>"  Npgsql connection string (default: env ConnectionStrings__VideoTube)
          --scale F              multiply every default count by F (default 1)
          --users N              default 100000 × scale
          --videos N             default 100000 × scale
          --tweets N             default  50000 × scale
          --comments N           default 200000 × scale
          --subscriptions N      default 1000000 × scale (Zipf-skewed channels, unique pairs, never self)
          --likes N              default 500000 × scale (70% videos, 20% comments, 10% tweets; unique per user+target)
          --history N            default 1000000 × scale (watch-history rows, unique per user+video)
          --seed N               random seed; the same seed and counts give the same data (default 42)
          --password P           password of every seeded user (default password123)
          --skew S               Zipf exponent of channel popularity (default 1.0)
          --reset                empty every table first (otherwise a non-empty database is refused)
          --no-migrate           do not apply EF Core migrations (the schema must already be there)

        Users are user000001, user000002, ... (email <username>@example.com); user000001 is the most subscribed channel.
        """;

    public static SeedOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--reset" or "--no-migrate" or "--help" or "-h")
                flags.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                values[arg] = args[++i];
            else
                throw new ArgumentException($"Unexpected argument '{arg}'.");
        }
        if (flags.Contains("--help") || flags.Contains("-h"))
            throw new HelpRequestedException();

        string[] known = ["--connection", "--scale", "--users", "--videos", "--tweets", "--comments", "--subscriptions",
            "--likes", "--history", "--seed", "--password", "--skew"];
        var unknown = values.Keys.Except(known).FirstOrDefault();
        if (unknown is not null)
            throw new ArgumentException($"Unknown option '{unknown}'.");

        var scale = values.TryGetValue("--scale", out var s) ? ParseDouble("--scale", s) : 1.0;
        if (scale <= 0)
            throw new ArgumentException("--scale must be positive.");
        int Count(string name, int atScaleOne) => values.TryGetValue(name, out var v)
            ? ParseCount(name, v)
            : (int)Math.Round(atScaleOne * scale, MidpointRounding.AwayFromZero);

        var connection = values.GetValueOrDefault("--connection")
            ?? Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable)
            ?? throw new ArgumentException($"Pass --connection or set {ConnectionEnvironmentVariable}.");

        var options = new SeedOptions
        {
            ConnectionString = connection,
            Users = Count("--users", 100_000),
            Videos = Count("--videos", 100_000),
            Tweets = Count("--tweets", 50_000),
            Comments = Count("--comments", 200_000),
            Subscriptions = Count("--subscriptions", 1_000_000),
            Likes = Count("--likes", 500_000),
            History = Count("--history", 1_000_000),
            Seed = values.TryGetValue("--seed", out var seed) ? ParseCount("--seed", seed) : 42,
            Password = values.GetValueOrDefault("--password") ?? DefaultPassword,
            ChannelSkew = values.TryGetValue("--skew", out var skew) ? ParseDouble("--skew", skew) : 1.0,
            Reset = flags.Contains("--reset"),
            Migrate = !flags.Contains("--no-migrate"),
        };
        if (options.Users < 2)
            throw new ArgumentException("At least 2 users are needed (subscriptions are between two users).");
        if (options.Comments > 0 && options.Videos == 0)
            throw new ArgumentException("Comments need videos.");
        return options;
    }

    private static int ParseCount(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"{name} must be a non-negative integer.");

    private static double ParseDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d : throw new ArgumentException($"{name} must be a number.");
}

public sealed class HelpRequestedException : Exception;
