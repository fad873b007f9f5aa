using System.Text.Json;
using System.Text.Json.Serialization;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Writes every <see cref="MediaUrl"/> of every response as the URL the current settings give: the one place media
/// URLs are made, so no endpoint or new DTO can forget it. Media fields are never read from requests.
/// </summary>
public sealed class MediaUrlJsonConverter(IMediaUrls urls) : JsonConverter<MediaUrl>
{
    public override MediaUrl Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("Media fields are set by uploads, not by request bodies.");

    public override void Write(Utf8JsonWriter writer, MediaUrl value, JsonSerializerOptions options) =>
        writer.WriteStringValue(urls.UrlFor(value.Key));
}
