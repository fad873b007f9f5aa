using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using VideoTube.ClientTests.Client;
using VideoTube.ClientTests.Client.Models;

namespace VideoTube.ClientTests;

/// <summary>
/// A third-party generator's client, built only from /openapi/v1.json, drives the newcomer's journey against the
/// running API on PostgreSQL: if the document lies about a body, a status or a type, these calls fail.
/// </summary>
public sealed class GeneratedClientTests
{
    private const string Password = "generated-client-1";

    [Test]
    public async Task Generated_client_registers_logs_in_uploads_lists_and_fetches_a_video()
    {
        var anonymous = CreateClient(accessToken: null);
        var username = $"kiota{Guid.NewGuid():N}"[..20];

        var registerForm = new MultipartBody();
        registerForm.AddOrReplacePart("fullName", "text/plain", "Generated Client");
        registerForm.AddOrReplacePart("email", "text/plain", $"{username}@example.com");
        registerForm.AddOrReplacePart("username", "text/plain", username);
        registerForm.AddOrReplacePart("password", "text/plain", Password);
        registerForm.AddOrReplacePart("avatar", "image/png", SampleFiles.Png(), "avatar.png");
        var registered = await anonymous.Api.V1.Users.Register.PostAsync(registerForm);
        Assert.That(registered!.StatusCode, Is.EqualTo(201));
        Assert.That(registered.Data!.Username, Is.EqualTo(username));

        var login = await anonymous.Api.V1.Users.Login.PostAsync(new Credentials { Username = username, Password = Password });
        Assert.That(login!.Data!.User!.Id, Is.EqualTo(registered.Data.Id));
        var client = CreateClient(login.Data.AccessToken);

        var uploadForm = new MultipartBody();
        uploadForm.AddOrReplacePart("title", "text/plain", "Made by a generated client");
        uploadForm.AddOrReplacePart("description", "text/plain", "Kiota, multipart, streamed");
        uploadForm.AddOrReplacePart("videoFile", "video/mp4", SampleFiles.Mp4(), "clip.mp4");
        uploadForm.AddOrReplacePart("thumbnail", "image/png", SampleFiles.Png(), "thumb.png");
        var published = await client.Api.V1.Videos.PostAsync(uploadForm);
        Assert.That(published!.StatusCode, Is.EqualTo(201));
        var videoId = published.Data!.Id!.Value;

        var page = await client.Api.V1.Videos.GetAsync(request =>
        {
            request.QueryParameters.UserId = registered.Data.Id;
            request.QueryParameters.Page = 1;
            request.QueryParameters.Limit = 5;
        });
        Assert.That(page!.Data!.Docs!.Select(v => v.Id), Does.Contain(videoId));
        Assert.That(page.Data.TotalDocs, Is.EqualTo(1));

        var video = await client.Api.V1.Videos[videoId].GetAsync();
        Assert.Multiple(() =>
        {
            Assert.That(video!.Data!.Title, Is.EqualTo("Made by a generated client"));
            Assert.That(video.Data.Owner!.Username, Is.EqualTo(username));
            Assert.That(video.Data.CreatedAt, Is.Not.Null);
        });
    }

    [Test]
    public void Generated_client_surfaces_the_error_envelope_as_a_typed_exception()
    {
        var anonymous = CreateClient(accessToken: null);
        var error = Assert.ThrowsAsync<ApiError>(() =>
            anonymous.Api.V1.Users.Login.PostAsync(new Credentials { Username = "nobody-at-all", Password = "wrong-password" }));
        Assert.That(error!.StatusCode, Is.EqualTo(401));
        Assert.That(error.Success, Is.False);
        Assert.That(error.MessageEscaped, Is.Not.Empty);
    }

    private static VideoTubeClient CreateClient(string? accessToken)
    {
        var http = new HttpClient();
        if (accessToken is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = ApiUnderTest.BaseUrl,
        };
        return new VideoTubeClient(adapter);
    }
}
