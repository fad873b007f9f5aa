using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Views;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every HTTP test class: a fresh database and media folder per class, plus helpers that read like the API's
/// use cases. Tests inside a class share the database, so each creates its own users.
/// </summary>
public abstract class ApiTestBase
{
    protected const string DefaultPassword = Forms.Password;

    private string _connectionString = string.Empty;

    protected VideoTubeApiFactory Factory { get; private set; } = null!;

    /// <summary>This class's database, for more hosts over the same data (another instance or configuration).</summary>
    protected string ConnectionString => _connectionString;

    /// <summary>Extra configuration for the API under test.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>True to serve real HTTP (Kestrel on a free loopback port) for clients outside this process.</summary>
    protected virtual bool UseRealServer => false;

    /// <summary>Where the real server listens; null in memory.</summary>
    protected Uri? ServerAddress { get; private set; }

    [OneTimeSetUp]
    public async Task StartApiAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        var mediaRoot = Path.Combine(Path.GetTempPath(), "videotube-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mediaRoot);
        Factory = new VideoTubeApiFactory(_connectionString, mediaRoot, Settings);
        if (UseRealServer)
            ServerAddress = Factory.StartKestrel();
        else
            _ = Factory.Server; // start the host now, so failures show up in set-up
    }

    [OneTimeTearDown]
    public async Task StopApiAsync()
    {
        var mediaRoot = Factory.MediaRoot;
        await Factory.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(mediaRoot))
            Directory.Delete(mediaRoot, recursive: true);
    }

    protected HttpClient CreateClient(bool handleCookies = true) => ServerAddress is not null
        ? new HttpClient(new SocketsHttpHandler { UseCookies = handleCookies, AllowAutoRedirect = false }) { BaseAddress = ServerAddress }
        : Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        // https so the Secure token cookies round-trip like in a browser.
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = handleCookies,
        AllowAutoRedirect = false,
    });

    protected static string UniqueName(string prefix = "user") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(24, prefix.Length + 16)];

    protected static MultipartFormDataContent RegistrationForm(string username, string email, string password = DefaultPassword,
        string fullName = "Test User", byte[]? avatar = null, byte[]? coverImage = null, bool includeAvatar = true) =>
        Forms.Registration(username, email, password, fullName, avatar, coverImage, includeAvatar);

    protected static ByteArrayContent ImageContent(byte[] bytes, string contentType = "image/png") => Forms.Image(bytes, contentType);

    /// <summary>Registers and logs in a new user; the returned client sends its access token as a Bearer header.</summary>
    protected async Task<TestUser> CreateUserAsync(string? username = null)
    {
        username ??= UniqueName();
        var email = $"{username}@example.com";
        using var anonymous = CreateClient();
        var register = await anonymous.PostAsync("/api/v1/users/register", RegistrationForm(username, email));
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created), await register.Content.ReadAsStringAsync());
        var id = Guid.Parse((await ReadJsonAsync(register))["data"]!["_id"]!.GetValue<string>());
        var (access, refresh) = await LoginAsync(anonymous, username, DefaultPassword);

        var client = CreateClient(handleCookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return new TestUser(id, username, email, DefaultPassword, access, refresh, client);
    }

    protected static async Task<(string AccessToken, string RefreshToken)> LoginAsync(HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var data = (await ReadJsonAsync(response))["data"]!;
        return (data["accessToken"]!.GetValue<string>(), data["refreshToken"]!.GetValue<string>());
    }

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new AssertionException($"Expected JSON, got: {text}");
    }

    /// <summary>Asserts the chai-backend error envelope with the given status, and returns its message.</summary>
    protected static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        var json = JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That(json["statusCode"]!.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(json["success"]!.GetValue<bool>(), Is.False);
            Assert.That(json["data"], Is.Null);
            Assert.That(json["errors"], Is.InstanceOf<JsonArray>());
            Assert.That(text, Does.Not.Contain("   at "), "no stack trace may reach the client");
        });
        return json["message"]!.GetValue<string>();
    }

    protected async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>Inserts a video row directly (no upload), for tests of routes that only need one to exist.</summary>
    protected Task<Video> SeedVideoAsync(Guid ownerId, string? title = null, bool isPublished = true, long views = 0,
        double duration = 60, string description = "A test video")
    {
        var key = $"videos/seed/{Guid.NewGuid():N}.mp4";
        var video = new Video
        {
            OwnerId = ownerId,
            Title = title ?? UniqueName("video"),
            Description = description,
            Duration = duration,
            Views = views,
            IsPublished = isPublished,
            VideoFileKey = key,
            ThumbnailKey = key.Replace(".mp4", ".png"),
        };
        return WithDbAsync(async db =>
        {
            db.Videos.Add(video);
            await db.SaveChangesAsync();
            return video;
        });
    }

    /// <summary>Stores the views the API has buffered (it does so every <c>Views:FlushInterval</c> on its own).</summary>
    protected Task FlushViewsAsync() =>
        Factory.Services.GetRequiredService<BufferedViewCounter>().FlushAsync(CancellationToken.None);

    /// <summary>The video's views as stored (not counting views the API still buffers).</summary>
    protected Task<long> StoredViewsAsync(Guid videoId) =>
        WithDbAsync(db => db.Videos.Where(v => v.Id == videoId).Select(v => v.Views).SingleAsync());

    /// <summary>The URL the API under test gives a stored key (its <c>Storage:PublicBaseUrl</c> plus the key).</summary>
    protected static string MediaUrl(string key) => $"{VideoTubeApiFactory.PublicBaseUrl}/{key}";

    protected int MediaFileCount() =>
        Directory.Exists(Factory.MediaRoot) ? Directory.GetFiles(Factory.MediaRoot, "*", SearchOption.AllDirectories).Length : 0;
}

public sealed record TestUser(Guid Id, string Username, string Email, string Password, string AccessToken,
    string RefreshToken, HttpClient Client);
