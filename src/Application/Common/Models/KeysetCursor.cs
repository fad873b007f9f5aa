using System.Buffers.Text;
using System.Text.Json;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Models;

/// <summary>
/// An opaque keyset position: the sort it was made for, the last row's sort value and its id, as base64url JSON.
/// Opaque so that clients pass it back instead of building one, and so its layout can change.
/// </summary>
public sealed record KeysetCursor(string Sort, string Value, Guid Id)
{
    public const string InvalidMessage = "Invalid cursor";

    /// <summary>Well above any issued cursor (a title is at most a few hundred characters).</summary>
    private const int MaxLength = 4096;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Sort, Value, Id.ToString() }));

    /// <summary>Reads a cursor made for <paramref name="sort"/>; anything else is a 400, never a 500.</summary>
    public static KeysetCursor Decode(string text, string sort)
    {
        if (text.Length > MaxLength)
            throw Invalid("cursor is not one this API issued");
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text.AsSpan()));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid("cursor is not one this API issued");
        }
        if (parts is not [var cursorSort, var value, var id] || value is null || !Guid.TryParse(id, out var guid))
            throw Invalid("cursor is not one this API issued");
        if (cursorSort != sort)
            throw Invalid($"cursor was made for another sort ({cursorSort}); start again without it");
        return new KeysetCursor(cursorSort, value, guid);
    }

    public static ValidationException Invalid(string error) => new(InvalidMessage, [error]);
}
