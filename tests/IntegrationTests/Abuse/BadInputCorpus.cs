using System.Text.Json;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// A table of hostile inputs for every route: malformed ids, wrong JSON types, operators, huge and odd unicode strings,
/// absurd paging, malformed JSON and multipart bodies, SQL and HTML metacharacters.
/// </summary>
public static class BadInputCorpus
{
    private static readonly string Huge = new('x', 100_000);

    public static readonly string[] MalformedIds =
    [
        "abc", "123", "00000000-0000-0000-0000-00000000000g", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        new string('9', 600), "..%2F..%2Fetc%2Fpasswd", "-1", "null", "%F0%9F%92%A9", "65a537b0ed09abd7ff1921fc",
    ];

    /// <summary>Routes that take an id in the path: {0} is where the malformed id goes.</summary>
    private static readonly (HttpMethod Method, string Template, string? Json)[] IdRoutes =
    [
        (HttpMethod.Get, "/api/v1/videos/{0}", null),
        (HttpMethod.Patch, "/api/v1/videos/{0}", """{"title":"t","description":"d"}"""),
        (HttpMethod.Delete, "/api/v1/videos/{0}", null),
        (HttpMethod.Patch, "/api/v1/videos/toggle/publish/{0}", null),
        (HttpMethod.Post, "/api/v1/subscriptions/c/{0}", null),
        (HttpMethod.Get, "/api/v1/subscriptions/c/{0}", null),
        (HttpMethod.Get, "/api/v1/subscriptions/u/{0}", null),
        (HttpMethod.Get, "/api/v1/tweets/user/{0}", null),
        (HttpMethod.Patch, "/api/v1/tweets/{0}", """{"content":"c"}"""),
        (HttpMethod.Delete, "/api/v1/tweets/{0}", null),
        (HttpMethod.Get, "/api/v1/comments/{0}", null),
        (HttpMethod.Post, "/api/v1/comments/{0}", """{"content":"c"}"""),
        (HttpMethod.Patch, "/api/v1/comments/c/{0}", """{"content":"c"}"""),
        (HttpMethod.Delete, "/api/v1/comments/c/{0}", null),
        (HttpMethod.Post, "/api/v1/likes/toggle/v/{0}", null),
        (HttpMethod.Post, "/api/v1/likes/toggle/c/{0}", null),
        (HttpMethod.Post, "/api/v1/likes/toggle/t/{0}", null),
        (HttpMethod.Get, "/api/v1/playlist/{0}", null),
        (HttpMethod.Patch, "/api/v1/playlist/{0}", """{"name":"n","description":"d"}"""),
        (HttpMethod.Delete, "/api/v1/playlist/{0}", null),
        (HttpMethod.Get, "/api/v1/playlist/user/{0}", null),
        (HttpMethod.Patch, "/api/v1/playlist/add/{0}/{playlist}", null),
        (HttpMethod.Patch, "/api/v1/playlist/add/{myVideo}/{0}", null),
        (HttpMethod.Patch, "/api/v1/playlist/remove/{0}/{playlist}", null),
    ];

    /// <summary>JSON bodies of the wrong shape, sent to every route that reads a JSON body.</summary>
    private static readonly (string Name, string Json)[] HostileBodies =
    [
        ("malformed", """{"content": "x", """),
        ("array", """[1,2,3]"""),
        ("string", "\"just a string\""),
        ("number-fields", """{"content":123,"title":456,"description":789,"name":1,"fullName":2,"email":3,"oldPassword":4,"newPassword":5}"""),
        ("operator-objects", """{"content":{"$gt":""},"title":{"$ne":null},"name":{"$regex":".*"},"email":{"$gt":""},"username":{"$gt":""},"password":{"$gt":""}}"""),
        ("null-fields", """{"content":null,"title":null,"description":null,"name":null,"fullName":null,"email":null}"""),
        ("blank-fields", """{"content":"   ","title":" ","description":"\t","name":"\n","fullName":" ","email":" "}"""),
        ("huge-strings", JsonSerializer.Serialize(new { content = Huge, title = Huge, description = Huge, name = Huge, fullName = Huge, email = Huge })),
        ("zero-width-only", JsonSerializer.Serialize(new { content = "\u200B\u200B", title = "\u200B", name = "\u200B", fullName = "\u200B", email = "\u200B@x.y" })),
        ("bidi-control-email", JsonSerializer.Serialize(new { fullName = "x", email = "a\u202E@example.com" })),
        ("deep-nesting", new string('[', 5000) + new string(']', 5000)),
        ("nul-bytes", "{\"content\":\"a\\u0000b\",\"title\":\"a\\u0000\",\"description\":\"\\u0000\",\"name\":\"\\u0000\"}"),
    ];

    private static readonly (HttpMethod Method, string Path)[] JsonRoutes =
    [
        (HttpMethod.Post, "/api/v1/users/login"),
        (HttpMethod.Post, "/api/v1/users/change-password"),
        (HttpMethod.Patch, "/api/v1/users/update-account"),
        (HttpMethod.Post, "/api/v1/tweets"),
        (HttpMethod.Patch, "/api/v1/tweets/{myTweet}"),
        (HttpMethod.Post, "/api/v1/comments/{video}"),
        (HttpMethod.Patch, "/api/v1/comments/c/{myComment}"),
        (HttpMethod.Post, "/api/v1/playlist"),
        (HttpMethod.Patch, "/api/v1/playlist/{myPlaylist}"),
        (HttpMethod.Patch, "/api/v1/videos/{myVideo}"),
    ];

    private static readonly string[] HostileQueries =
    [
        "page=-1&limit=-5", "page=abc&limit=xyz", "page=99999999999&limit=99999999999", "page=2147483647&limit=100",
        "limit=1e9", "page=0&limit=0", "sortBy=password_hash", "sortBy=title;DROP%20TABLE%20users", "sortType=sideways",
        "userId=not-a-uuid", "userId=%27%20OR%201%3D1--", $"query={new string('a', 5000)}", "query=%27%20OR%201%3D1--",
        "query=%3Cscript%3E", "query=%00", "query=!!!%26%26%7C%7C((", "query=%F0%9F%92%A9%E2%80%AE", "sortBy=&sortType=&page=&limit=",
    ];

    public static IEnumerable<AbuseCase> Cases()
    {
        foreach (var (method, template, json) in IdRoutes)
        foreach (var id in MalformedIds)
        {
            var path = template.Replace("{0}", id);
            var name = $"{method} {template} id={(id.Length > 20 ? id[..20] + "…" : id)}";
            yield return json is null ? new AbuseCase(name, method, path) : AbuseCase.Json(name, method, path, json);
        }

        foreach (var (method, path) in JsonRoutes)
        foreach (var (name, json) in HostileBodies)
            yield return AbuseCase.Json($"{method} {path} body={name}", method, path, json);

        foreach (var query in HostileQueries)
        {
            yield return new AbuseCase($"GET videos ?{(query.Length > 40 ? query[..40] : query)}", HttpMethod.Get, $"/api/v1/videos?{query}");
            yield return new AbuseCase($"GET comments ?{(query.Length > 40 ? query[..40] : query)}", HttpMethod.Get, $"/api/v1/comments/{{video}}?{query}");
            yield return new AbuseCase($"GET dashboard videos ?{(query.Length > 40 ? query[..40] : query)}", HttpMethod.Get, $"/api/v1/dashboard/videos?{query}");
        }

        foreach (var route in new[] { "/api/v1/users/login", "/api/v1/tweets", "/api/v1/playlist" })
        {
            yield return AbuseCase.Raw($"POST {route} xml", HttpMethod.Post, route, "<a>1</a>", "application/xml");
            yield return AbuseCase.Raw($"POST {route} text", HttpMethod.Post, route, "content=1", "text/plain");
            yield return AbuseCase.Raw($"POST {route} broken multipart", HttpMethod.Post, route,
                "--b\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nx", "multipart/form-data; boundary=b");
            yield return AbuseCase.Raw($"POST {route} multipart without boundary", HttpMethod.Post, route, "--x--", "multipart/form-data");
        }

        foreach (var (name, form) in MultipartCases())
            yield return new AbuseCase(name, HttpMethod.Post, name.Split(' ')[1], form);
        yield return new AbuseCase("PATCH /api/v1/users/avatar text file", HttpMethod.Patch, "/api/v1/users/avatar",
            () => new MultipartFormDataContent { { new StringContent("<?php system($_GET['c']); ?>"), "avatar", "shell.php" } });
        yield return new AbuseCase("PATCH /api/v1/users/cover-image wrong field", HttpMethod.Patch, "/api/v1/users/cover-image",
            () => new MultipartFormDataContent { { Forms.Image(TestFiles.Png()), "avatar", "a.png" } });
    }

    private static IEnumerable<(string Name, Func<HttpContent?> Form)> MultipartCases()
    {
        MultipartFormDataContent Register(params string[] skip)
        {
            var form = new MultipartFormDataContent();
            var user = $"abuse{Guid.NewGuid():N}"[..16];
            foreach (var (field, value) in new[] { ("fullName", "A"), ("email", $"{user}@example.com"), ("username", user), ("password", Forms.Password) })
                if (!skip.Contains(field)) form.Add(new StringContent(value), field);
            if (!skip.Contains("avatar")) form.Add(Forms.Image(TestFiles.Png()), "avatar", "a.png");
            return form;
        }

        foreach (var part in new[] { "fullName", "email", "username", "password", "avatar" })
            yield return ($"register /api/v1/users/register without {part}", () => Register(part));
        yield return ("register /api/v1/users/register avatar is html", () =>
        {
            var form = Register("avatar");
            form.Add(Forms.Image("<html><script>alert(1)</script></html>"u8.ToArray(), "image/png"), "avatar", "x.png");
            return form;
        });
        yield return ("register /api/v1/users/register username is sql", () =>
        {
            var form = Register("username");
            form.Add(new StringContent("x'; DROP TABLE users;--"), "username");
            return form;
        });

        MultipartFormDataContent Publish(params string[] skip)
        {
            var form = new MultipartFormDataContent();
            if (!skip.Contains("title")) form.Add(new StringContent("A title"), "title");
            if (!skip.Contains("description")) form.Add(new StringContent("A description"), "description");
            if (!skip.Contains("videoFile")) form.Add(Forms.Image(VideoFiles.FakeMp4(), "video/mp4"), "videoFile", "v.mp4");
            if (!skip.Contains("thumbnail")) form.Add(Forms.Image(TestFiles.Png()), "thumbnail", "t.png");
            return form;
        }

        foreach (var part in new[] { "title", "description", "videoFile", "thumbnail" })
            yield return ($"publish /api/v1/videos without {part}", () => Publish(part));
        yield return ("publish /api/v1/videos video is a png", () =>
        {
            var form = Publish("videoFile");
            form.Add(Forms.Image(TestFiles.Png(), "video/mp4"), "videoFile", "v.mp4");
            return form;
        });
        yield return ("publish /api/v1/videos thumbnail is text", () =>
        {
            var form = Publish("thumbnail");
            form.Add(Forms.Image("not an image"u8.ToArray()), "thumbnail", "t.png");
            return form;
        });
    }
}
