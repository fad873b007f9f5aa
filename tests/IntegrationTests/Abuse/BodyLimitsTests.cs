using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// Issue 10, item 5: every body is bounded before it is buffered. The streamed video form caps its parts, its text
/// fields and each field's size; the buffered forms and JSON bodies have their own caps.
/// </summary>
public sealed class BodyLimitsTests : ApiTestBase
{
    [Test]
    public async Task Thousands_of_distinct_text_fields_on_the_streamed_upload_are_refused()
    {
        var user = await CreateUserAsync();
        var files = MediaFileCount();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 4000; i++)
            form.Add(new StringContent("x"), $"field{i}");

        var response = await user.Client.PostAsync("/api/v1/videos", form);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await WithDbAsync(db => Task.FromResult(db.Videos.Count(v => v.OwnerId == user.Id))), Is.Zero);
        Assert.That(MediaFileCount(), Is.EqualTo(files));
    }

    [Test]
    public async Task A_few_too_many_text_fields_are_refused_too()
    {
        var user = await CreateUserAsync();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 9; i++)
            form.Add(new StringContent("x"), "title"); // the same name again still costs memory

        await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", form), HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task A_huge_text_field_on_the_streamed_upload_is_413()
    {
        var user = await CreateUserAsync();
        using var form = new MultipartFormDataContent { { new StringContent(new string('a', 2 * 1024 * 1024)), "title" } };

        var message = await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", form), HttpStatusCode.RequestEntityTooLarge);
        Assert.That(message, Does.Contain("title"));
    }

    [Test]
    public async Task Thousands_of_fields_on_a_buffered_form_are_refused()
    {
        using var client = CreateClient();
        using var form = Forms.Registration(UniqueName());
        for (var i = 0; i < 4000; i++)
            form.Add(new StringContent("x"), $"field{i}");

        var response = await client.PostAsync("/api/v1/users/register", form);

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        await AssertErrorAsync(response, response.StatusCode);
    }

    [Test]
    public async Task A_huge_field_on_a_buffered_form_is_413()
    {
        var user = await CreateUserAsync();
        using var form = new MultipartFormDataContent { { new StringContent(new string('a', 1024 * 1024)), "title" } };

        await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/videos/{Guid.NewGuid()}", form),
            HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task A_huge_JSON_body_is_413()
    {
        var user = await CreateUserAsync();
        var json = $"{{\"content\":\"{new string('a', 512 * 1024)}\"}}";
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        await AssertErrorAsync(await user.Client.PostAsync("/api/v1/tweets", content), HttpStatusCode.RequestEntityTooLarge);
    }
}
