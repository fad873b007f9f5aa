using System.Net;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Health;

/// <summary>
/// The OpenAPI document describes the API well enough for a client generator (tests/ClientTests proves it with one).
/// These tests pin the properties a generator depends on.
/// </summary>
public sealed class OpenApiDocumentTests : ApiTestBase
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync()
    {
        using var client = CreateClient();
        _document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from path in _document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select (path.Key, method.Key, method.Value!.AsObject());

    private JsonObject Operation(string path, string method) => _document["paths"]![path]![method]!.AsObject();

    [Test]
    public void Every_operation_has_a_unique_operation_id()
    {
        var ids = Operations().Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(43));
        Assert.That(ids, Has.None.Null);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Every_api_operation_documents_its_typed_success_envelope_and_its_errors()
    {
        foreach (var (path, method, operation) in Operations().Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.That(success, Is.Not.Empty, $"{method} {path} documents its success");
            // Answers are the envelope with typed data; only a 204 or a non-JSON body (a protocol route) may differ.
            foreach (var (status, response) in success.Where(r => r.Key != "204"))
            {
                var content = response!["content"]?.AsObject();
                Assert.That(content, Is.Not.Null.And.Not.Empty, $"{method} {path} {status} documents its body");
                if (content!["application/json"] is { } json)
                    Assert.That(json["schema"]!["$ref"]!.GetValue<string>(), Does.StartWith("#/components/schemas/ApiResponseOf"),
                        $"{method} {path}");
            }
            foreach (var error in responses.Where(r => r.Key[0] is '4' or '5'))
                Assert.That(error.Value!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
                    Is.EqualTo("#/components/schemas/ApiError"), $"{method} {path} {error.Key}");
            Assert.That(responses.ContainsKey("503"), $"{method} {path} can meet a database outage");
        }
    }

    [Test]
    public void Status_codes_match_what_the_routes_return()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Operation("/api/v1/users/register", "post")["responses"]!.AsObject().Select(r => r.Key),
                Is.SupersetOf(new[] { "201", "400", "409", "413", "415" }));
            Assert.That(Operation("/api/v1/users/login", "post")["responses"]!.AsObject().Select(r => r.Key),
                Is.SupersetOf(new[] { "200", "400", "401", "429" }));
            Assert.That(Operation("/api/v1/videos/{videoId}", "delete")["responses"]!.AsObject().Select(r => r.Key),
                Is.SupersetOf(new[] { "200", "400", "401", "403", "404" }));
        });
    }

    [Test]
    public void Protected_operations_name_the_bearer_and_cookie_schemes_and_public_ones_none()
    {
        var schemes = _document["components"]!["securitySchemes"]!.AsObject();
        Assert.That(schemes.Select(s => s.Key), Is.EquivalentTo(new[] { "bearer", "cookie" }));
        var security = Operation("/api/v1/videos", "get")["security"]!.AsArray()
            .SelectMany(requirement => requirement!.AsObject().Select(s => s.Key));
        Assert.That(security, Is.EquivalentTo(new[] { "bearer", "cookie" }));
        Assert.That(Operation("/api/v1/users/login", "post").ContainsKey("security"), Is.False);
    }

    [Test]
    public void Request_bodies_have_schemas_and_files_are_binary_parts()
    {
        var login = Operation("/api/v1/users/login", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.That(login["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/Credentials"));

        var register = Operation("/api/v1/users/register", "post")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        var form = Schema(register["$ref"]!.GetValue<string>());
        Assert.That(form["required"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.EquivalentTo(new[] { "fullName", "email", "username", "password", "avatar" }));
        var avatar = form["properties"]!["avatar"]!;
        if (avatar["$ref"] is { } reference)
            avatar = Schema(reference.GetValue<string>());
        Assert.That(avatar["format"]!.GetValue<string>(), Is.EqualTo("binary"));

        Assert.That(Operation("/api/v1/videos", "post")["requestBody"]!["content"]!.AsObject().Select(c => c.Key),
            Is.EquivalentTo(new[] { "multipart/form-data" }));
    }

    [Test]
    public void Ids_are_uuids_and_paging_values_integers()
    {
        var parameters = Operation("/api/v1/videos", "get")["parameters"]!.AsArray().ToDictionary(
            p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);
        Assert.Multiple(() =>
        {
            Assert.That(parameters["page"]["type"]!.ToJsonString(), Is.EqualTo("\"integer\""));
            Assert.That(parameters["limit"]["type"]!.ToJsonString(), Is.EqualTo("\"integer\""));
            Assert.That(parameters["userId"]["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
            var path = Operation("/api/v1/videos/{videoId}", "get")["parameters"]!.AsArray().Single()!;
            Assert.That(path["schema"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
            var video = Schema("#/components/schemas/VideoDto")["properties"]!;
            Assert.That(video["_id"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
            Assert.That(video["createdAt"]!["format"]!.GetValue<string>(), Is.EqualTo("date-time"));
            Assert.That(video["views"]!["type"]!.ToJsonString(), Is.EqualTo("\"integer\""));
        });
    }

    [Test]
    public void Media_fields_are_url_strings_not_the_stored_key()
    {
        var video = Schema("#/components/schemas/VideoDto")["properties"]!;
        var user = Schema("#/components/schemas/UserDto")["properties"]!;
        Assert.Multiple(() =>
        {
            foreach (var field in new[] { video["videoFile"]!, video["thumbnail"]!, user["avatar"]!, user["coverImage"]! })
            {
                var schema = field["$ref"] is { } reference ? Schema(reference.GetValue<string>()) : field.AsObject();
                Assert.That(schema["type"]!.ToJsonString(), Is.EqualTo("\"string\""), field.GetPath());
                Assert.That(schema["format"]!.GetValue<string>(), Is.EqualTo("uri-reference"), field.GetPath());
                Assert.That(schema["properties"], Is.Null, field.GetPath());
            }
            // hls is null until the renditions exist: null or the same URL string.
            var hls = video["hls"]!["oneOf"]!.AsArray().Select(option => option!["$ref"] is { } reference
                ? Schema(reference.GetValue<string>()) : option!.AsObject()).ToList();
            Assert.That(hls.Select(option => option["type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "null", "string" }));
            Assert.That(hls.Single(option => option["format"] is not null)["format"]!.GetValue<string>(), Is.EqualTo("uri-reference"));
        });
    }

    private JsonObject Schema(string reference) =>
        _document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject();
}

/// <summary>Outside Development the document and UI are off unless OpenApi:Enabled says otherwise.</summary>
public sealed class OpenApiSwitchTests
{
    [TestCase("false", HttpStatusCode.NotFound)]
    [TestCase(null, HttpStatusCode.NotFound)]
    [TestCase("true", HttpStatusCode.OK)]
    public async Task Document_is_served_only_when_enabled(string? enabled, HttpStatusCode expected)
    {
        await using var factory = new VideoTubeApiFactory("Host=127.0.0.1;Database=unused", Path.GetTempPath(),
            new Dictionary<string, string?> { ["OpenApi:Enabled"] = enabled });
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(expected));
        Assert.That((await client.GetAsync("/scalar/v1")).StatusCode, Is.EqualTo(expected));
    }
}
