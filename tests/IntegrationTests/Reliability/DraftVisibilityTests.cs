using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// Issue 10, reproduction 10: someone else's unpublished video answers exactly like a missing one on every route,
/// reads and writes alike, so its existence does not leak.
/// </summary>
public sealed class DraftVisibilityTests : ApiTestBase
{
    [Test]
    public async Task Every_route_answers_another_users_draft_like_a_random_id()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var draft = await SeedVideoAsync(owner.Id, isPublished: false);
        var playlist = await other.CreatePlaylistAsync();

        foreach (var id in new[] { draft.Id, Guid.NewGuid() })
        {
            var requests = new Func<Task<HttpResponseMessage>>[]
            {
                () => other.Client.GetAsync($"/api/v1/videos/{id}"),
                () => other.Client.DeleteAsync($"/api/v1/videos/{id}"),
                () => other.Client.PatchAsync($"/api/v1/videos/{id}", new MultipartFormDataContent { { new StringContent("x"), "title" } }),
                () => other.Client.PatchAsync($"/api/v1/videos/{id}", new MultipartFormDataContent { { ImageContent(TestFiles.Png()), "thumbnail", "t.png" } }),
                () => other.Client.PatchAsync($"/api/v1/videos/toggle/publish/{id}", null),
                () => other.Client.PostAsync($"/api/v1/likes/toggle/v/{id}", null),
                () => other.Client.PostAsJsonAsync($"/api/v1/comments/{id}", new { content = "hi" }),
                () => other.Client.GetAsync($"/api/v1/comments/{id}"),
                () => other.Client.PatchAsync($"/api/v1/playlist/add/{id}/{playlist}", null),
            };
            foreach (var request in requests)
            {
                var response = await request();
                Assert.That(await AssertErrorAsync(response, HttpStatusCode.NotFound), Is.EqualTo("Video not found"),
                    $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}");
            }
        }

        var stillThere = await WithDbAsync(db => db.Videos.FindAsync(draft.Id).AsTask());
        Assert.That(stillThere, Is.Not.Null);
        Assert.That(stillThere!.IsPublished, Is.False);
    }
}
