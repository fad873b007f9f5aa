using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoTube.Application.Videos;

/// <summary>Writes an enum as its lower-case name (<c>processing</c>), the spelling clients compare against.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(new LowerCasePolicy())
    where TEnum : struct, Enum
{
    private sealed class LowerCasePolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
