using System.Net.Http.Headers;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>Request bodies shared by test classes, including those that do not derive from ApiTestBase.</summary>
public static class Forms
{
    public const string Password = "correct-horse-battery";

    public static MultipartFormDataContent Registration(string username, string? email = null, string password = Password,
        string fullName = "Test User", byte[]? avatar = null, byte[]? coverImage = null, bool includeAvatar = true)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(fullName), "fullName" },
            { new StringContent(email ?? $"{username}@example.com"), "email" },
            { new StringContent(username), "username" },
            { new StringContent(password), "password" },
        };
        if (includeAvatar)
            form.Add(Image(avatar ?? TestFiles.Png()), "avatar", "avatar.png");
        if (coverImage is not null)
            form.Add(Image(coverImage), "coverImage", "cover.png");
        return form;
    }

    public static ByteArrayContent Image(byte[] bytes, string contentType = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
