using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VideoTube.Infrastructure.Uploads;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>tus 1.0.0 as the API speaks it: Core, Creation, Termination, Expiration and Checksum, over HTTP.</summary>
public sealed class TusProtocolTests : UploadTestBase
{
    private const long MaxVideoBytes = 256 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:MaxVideoBytes"] = MaxVideoBytes.ToString(),
    };

    [Test]
    public async Task Options_AnnouncesVersionExtensionsAndMaximumSize_WithoutAToken()
    {
        using var anonymous = CreateClient();
        var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, UploadsRoute));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(response, "Tus-Resumable"), Is.EqualTo("1.0.0"));
            Assert.That(Header(response, "Tus-Version"), Is.EqualTo("1.0.0"));
            Assert.That(Header(response, "Tus-Extension")!.Split(','),
                Is.SupersetOf(new[] { "creation", "termination", "expiration", "checksum" }));
            Assert.That(Header(response, "Tus-Max-Size"), Is.EqualTo(MaxVideoBytes.ToString()));
            Assert.That(Header(response, "Tus-Checksum-Algorithm"), Is.EqualTo("sha1,sha256"));
        });
    }

    [Test]
    public async Task Create_ReturnsLocationAndExpiry_AndHeadReportsOffsetZero()
    {
        var user = await CreateUserAsync();
        var created = await CreateAsync(user.Client, 5000);

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var url = created.Headers.Location!.OriginalString;
        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith($"{UploadsRoute}/"));
            Assert.That(Header(created, "Tus-Resumable"), Is.EqualTo("1.0.0"));
            Assert.That(DateTime.Parse(Header(created, "Upload-Expires")!).ToUniversalTime(), Is.GreaterThan(DateTime.UtcNow));
        });

        var head = await HeadAsync(user.Client, url);
        Assert.Multiple(() =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(head, "Upload-Offset"), Is.EqualTo("0"));
            Assert.That(Header(head, "Upload-Length"), Is.EqualTo("5000"));
            Assert.That(Header(head, "Upload-Metadata"), Is.EqualTo(Metadata()));
            Assert.That(head.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(Header(head, "Tus-Resumable"), Is.EqualTo("1.0.0"));
        });
    }

    [Test]
    public async Task PatchInChunks_BecomesAVideo_LikeTheMultipartRoute()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(10_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length, Metadata(title: "  Chunked  ", description: "In three pieces"));

        await UploadInChunksAsync(user.Client, url, bytes[..7_000], 3_500);
        var parts = await PartKeysAsync(url);
        var last = await PatchAsync(user.Client, url, 7_000, bytes[7_000..]);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        Assert.That(parts, Has.Length.EqualTo(2));
        Assert.That(Header(last, "Upload-Offset"), Is.EqualTo(bytes.Length.ToString()));
        var videoId = Guid.Parse(Header(last, "X-Video-Id")!);
        var state = (await ReadJsonAsync(await user.Client.GetAsync(url)))["data"]!;
        var video = (await ReadJsonAsync(await user.Client.GetAsync($"/api/v1/videos/{videoId}")))["data"]!;
        Assert.Multiple(async () =>
        {
            Assert.That(state["videoId"]!.GetValue<string>(), Is.EqualTo(videoId.ToString()));
            Assert.That(state["uploadOffset"]!.GetValue<long>(), Is.EqualTo(bytes.Length));
            Assert.That(video["title"]!.GetValue<string>(), Is.EqualTo("Chunked"), "trimmed like the multipart route");
            Assert.That(video["description"]!.GetValue<string>(), Is.EqualTo("In three pieces"));
            Assert.That(video["isPublished"]!.GetValue<bool>(), Is.True);
            Assert.That(video["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(user.Username));
            Assert.That(PathOf(video, "videoFile"), Does.StartWith("/media/videos/").And.EndWith(".mp4"));
            Assert.That(await DownloadVideoAsync(user, videoId), Is.EqualTo(bytes));
            Assert.That(parts.Where(IsStored), Is.Empty, "the parts are removed once joined");
            Assert.That(await PartKeysAsync(url), Is.Empty);
        });
    }

    [Test]
    public async Task PatchAfterCompletion_WithTheFinalOffset_ReportsTheVideoAgain()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(2_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        var videoId = Header(await UploadInChunksAsync(user.Client, url, bytes, bytes.Length), "X-Video-Id");

        var again = await PatchAsync(user.Client, url, bytes.Length, []);
        var head = await HeadAsync(user.Client, url);

        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(again, "X-Video-Id"), Is.EqualTo(videoId));
            Assert.That(Header(head, "X-Video-Id"), Is.EqualTo(videoId));
        });
    }

    [Test]
    public async Task Patch_AtTheWrongOffset_Is409_AndStoresNothing()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(4_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        await PatchAsync(user.Client, url, 0, bytes[..1000]);

        var response = await PatchAsync(user.Client, url, 500, bytes[500..2000]);

        var message = await AssertErrorAsync(response, HttpStatusCode.Conflict);
        Assert.Multiple(async () =>
        {
            Assert.That(message, Does.Contain("1000"));
            Assert.That(Header(response, "Tus-Resumable"), Is.EqualTo("1.0.0"));
            Assert.That(await OffsetAsync(user.Client, url), Is.EqualTo(1000));
        });
    }

    [TestCase("0.2.2")]
    [TestCase(null)]
    public async Task AnUnsupportedOrMissingVersion_Is412(string? version)
    {
        var user = await CreateUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, UploadsRoute);
        if (version is not null)
            request.Headers.Add("Tus-Resumable", version);
        request.Headers.Add("Upload-Length", "100");
        request.Headers.Add("Upload-Metadata", Metadata());

        var response = await user.Client.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.That(Header(response, "Tus-Version"), Is.EqualTo("1.0.0"));
    }

    [Test]
    public async Task Create_LargerThanTheVideoLimit_Is413()
    {
        var user = await CreateUserAsync();

        await AssertErrorAsync(await CreateAsync(user.Client, MaxVideoBytes + 1), HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Patch_PastUploadLength_Is413_AndStoresNothing()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 1000);
        var before = StoredParts();

        var announced = await PatchAsync(user.Client, url, 0, VideoFiles.FakeMp4(1500));
        var streamed = await PatchAsync(user.Client, url, 0, new StreamContent(new MemoryStream(VideoFiles.FakeMp4(1500))));

        await AssertErrorAsync(announced, HttpStatusCode.RequestEntityTooLarge);
        await AssertErrorAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
        Assert.Multiple(async () =>
        {
            Assert.That(await OffsetAsync(user.Client, url), Is.Zero);
            Assert.That(StoredParts(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task FirstBytes_ThatAreNoVideo_Are415()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 2000);
        var before = StoredParts();

        var response = await PatchAsync(user.Client, url, 0, TestFiles.Png(2000));

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Multiple(async () =>
        {
            Assert.That(await OffsetAsync(user.Client, url), Is.Zero);
            Assert.That(StoredParts(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Patch_WithAnotherContentType_Is415()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 2000);
        var request = Tus(HttpMethod.Patch, url, new ByteArrayContent(VideoFiles.FakeMp4(2000)));
        request.Headers.Add("Upload-Offset", "0");

        await AssertErrorAsync(await user.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase(null, "About it")]
    [TestCase("A title", null)]
    [TestCase("   ", "About it")]
    public async Task Create_WithoutTitleOrDescription_Is400(string? title, string? description)
    {
        var user = await CreateUserAsync();

        var message = await AssertErrorAsync(await CreateAsync(user.Client, 1000, Metadata(title, description)),
            HttpStatusCode.BadRequest);

        Assert.That(message, Is.EqualTo("All fields are required"));
    }

    [TestCase("title not-base64!")]
    [TestCase("title dGl0bGU=,title dGl0bGU=")]
    [TestCase("ti\u00e9tle dGl0bGU=")]
    public async Task Create_WithMalformedMetadata_Is400(string metadata)
    {
        var user = await CreateUserAsync();
        var request = Tus(HttpMethod.Post, UploadsRoute);
        request.Headers.Add("Upload-Length", "1000");
        request.Headers.TryAddWithoutValidation("Upload-Metadata", metadata);

        await AssertErrorAsync(await user.Client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithATitleTooLong_Is400()
    {
        var user = await CreateUserAsync();

        await AssertErrorAsync(await CreateAsync(user.Client, 1000, Metadata(title: new string('t', 201))),
            HttpStatusCode.BadRequest);
    }

    [TestCase(null)]
    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("99999999999999999999999")]
    public async Task Create_WithoutAUsableUploadLength_Is400(string? length)
    {
        var user = await CreateUserAsync();
        var request = Tus(HttpMethod.Post, UploadsRoute);
        request.Headers.Add("Upload-Metadata", Metadata());
        if (length is not null)
            request.Headers.TryAddWithoutValidation("Upload-Length", length);

        await AssertErrorAsync(await user.Client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithADeferredLength_Is400()
    {
        var user = await CreateUserAsync();
        var request = Tus(HttpMethod.Post, UploadsRoute);
        request.Headers.Add("Upload-Metadata", Metadata());
        request.Headers.Add("Upload-Defer-Length", "1");

        await AssertErrorAsync(await user.Client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [TestCase(null)]
    [TestCase("abc")]
    [TestCase("-5")]
    public async Task Patch_WithoutAUsableUploadOffset_Is400(string? offset)
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 1000);
        var content = new ByteArrayContent(VideoFiles.FakeMp4(1000));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/offset+octet-stream");
        var request = Tus(HttpMethod.Patch, url, content);
        if (offset is not null)
            request.Headers.TryAddWithoutValidation("Upload-Offset", offset);

        await AssertErrorAsync(await user.Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.That(await OffsetAsync(user.Client, url), Is.Zero);
    }

    [Test]
    public async Task AnotherUsersUpload_IsNotFound_ForEveryMethod()
    {
        var owner = await CreateUserAsync();
        var stranger = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(3000);
        var url = await CreateUploadAsync(owner.Client, bytes.Length);

        var patch = await PatchAsync(stranger.Client, url, 0, bytes);
        var head = await HeadAsync(stranger.Client, url);
        var get = await stranger.Client.GetAsync(url);
        var delete = await stranger.Client.SendAsync(Tus(HttpMethod.Delete, url));

        await AssertErrorAsync(patch, HttpStatusCode.NotFound);
        await AssertErrorAsync(get, HttpStatusCode.NotFound);
        await AssertErrorAsync(delete, HttpStatusCode.NotFound);
        Assert.Multiple(async () =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await OffsetAsync(owner.Client, url), Is.Zero);
        });
    }

    [TestCase("not-a-guid")]
    [TestCase("0195a3f0-0000-7000-8000-000000000000")]
    public async Task AnUnknownUpload_Is404(string id)
    {
        var user = await CreateUserAsync();

        await AssertErrorAsync(await PatchAsync(user.Client, $"{UploadsRoute}/{id}", 0, VideoFiles.FakeMp4(100)),
            HttpStatusCode.NotFound);
        Assert.That((await HeadAsync(user.Client, $"{UploadsRoute}/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WithoutAToken_Is401_InTheEnvelope()
    {
        using var anonymous = CreateClient();
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 1000);

        var create = await CreateAsync(anonymous, 1000);
        var patch = await PatchAsync(anonymous, url, 0, VideoFiles.FakeMp4(1000));

        await AssertErrorAsync(create, HttpStatusCode.Unauthorized);
        await AssertErrorAsync(patch, HttpStatusCode.Unauthorized);
        Assert.That(Header(create, "Tus-Resumable"), Is.EqualTo("1.0.0"));
    }

    [Test]
    public async Task Terminate_RemovesTheUploadAndItsParts()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(3000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        await PatchAsync(user.Client, url, 0, bytes[..1000]);
        var parts = await PartKeysAsync(url);
        Assert.That(parts.Where(IsStored).ToArray(), Has.Length.EqualTo(1));

        var delete = await user.Client.SendAsync(Tus(HttpMethod.Delete, url));

        Assert.Multiple(async () =>
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(delete, "Tus-Resumable"), Is.EqualTo("1.0.0"));
            Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await PatchAsync(user.Client, url, 1000, bytes[1000..])).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(parts.Where(IsStored), Is.Empty);
        });
    }

    [Test]
    public async Task AnExpiredUpload_IsGone_ThenCleanedUp()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(3000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        await PatchAsync(user.Client, url, 0, bytes[..1000]);
        var parts = await PartKeysAsync(url);
        var id = UploadIdOf(url);
        await WithDbAsync(async db =>
        {
            var upload = await db.Uploads.FindAsync(id);
            upload!.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        await AssertErrorAsync(await PatchAsync(user.Client, url, 1000, bytes[1000..]), HttpStatusCode.Gone);
        Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.Gone));

        var removed = await Factory.Services.GetRequiredService<ExpiredUploadCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(removed, Is.GreaterThanOrEqualTo(1));
            Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(parts, Is.Not.Empty);
            Assert.That(parts.Where(IsStored), Is.Empty);
        });
    }

    [Test]
    public async Task Cleanup_LeavesUploadsThatHaveNotExpired()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 3000);

        await Factory.Services.GetRequiredService<ExpiredUploadCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.That(await OffsetAsync(user.Client, url), Is.Zero);
    }

    [Test]
    public async Task Cleanup_PassesOverAnExpiredUploadARequestHasClaimed_UntilTheClaimEnds()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 3000);
        var id = UploadIdOf(url);
        await WithDbAsync(db => db.Uploads.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var cleanup = Factory.Services.GetRequiredService<ExpiredUploadCleanup>();

        // A PATCH's claim, held from another session the way the API's claim pool holds it (unpooled: closing this
        // connection ends the session and the claim with it).
        await using (var claim = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString))
        {
            await claim.OpenAsync();
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('upload:' || $1::text, 0))", claim))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                await command.ExecuteNonQueryAsync();
            }
            await cleanup.RunOnceAsync(CancellationToken.None);
            Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.Gone), "kept while claimed");
        }

        await cleanup.RunOnceAsync(CancellationToken.None);
        Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("sha1")]
    [TestCase("sha256")]
    public async Task Checksum_ThatMatches_IsAccepted_AndAMismatch_Is460(string algorithm)
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(3000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        string Digest(byte[] data) => $"{algorithm} " + Convert.ToBase64String(algorithm == "sha1" ? SHA1.HashData(data) : SHA256.HashData(data));

        var good = await PatchAsync(user.Client, url, 0, bytes[..1000], Digest(bytes[..1000]));
        var before = StoredParts();
        var bad = await PatchAsync(user.Client, url, 1000, bytes[1000..], Digest(bytes[..1000]));

        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertErrorAsync(bad, (HttpStatusCode)460);
        Assert.Multiple(async () =>
        {
            Assert.That(await OffsetAsync(user.Client, url), Is.EqualTo(1000));
            Assert.That(StoredParts(), Is.EqualTo(before), "the mismatching part is discarded");
        });
        await user.Client.SendAsync(Tus(HttpMethod.Delete, url));
    }

    [Test]
    public async Task Checksum_WithAnUnknownAlgorithm_Is400()
    {
        var user = await CreateUserAsync();
        var url = await CreateUploadAsync(user.Client, 1000);

        await AssertErrorAsync(await PatchAsync(user.Client, url, 0, VideoFiles.FakeMp4(1000), "md5 AAAA"),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task PartsAreNeverServedByTheMediaRoute()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(3000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        await PatchAsync(user.Client, url, 0, bytes[..1000]);
        var part = (await PartKeysAsync(url)).Single();

        var response = await user.Client.GetAsync($"/media/{part}");

        await AssertErrorAsync(response, HttpStatusCode.NotFound);
        await user.Client.SendAsync(Tus(HttpMethod.Delete, url));
    }

    private int StoredParts()
    {
        var path = Path.Combine(Factory.MediaRoot, "uploads");
        return Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Length : 0;
    }
}
