using System.Globalization;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Validation;

/// <summary>
/// Free-text fields (tweet and comment content, playlist names). chai-backend had no length limits and let a blank
/// string through to a 500; here text is trimmed, required fields must not be blank, and every field has a maximum.
/// </summary>
public static class TextInput
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.All(IsInvisible))
            throw new ValidationException($"{Capitalised(field)} is required", [$"{field} is required"]);
        return WithinLimit(trimmed, field, maxLength);
    }

    /// <summary>Null when the field was not sent, so updates can leave it unchanged.</summary>
    public static string? Optional(string? value, string field, int maxLength) =>
        value is null ? null : WithinLimit(value.Trim(), field, maxLength);

    private static string WithinLimit(string trimmed, string field, int maxLength)
    {
        if (trimmed.Length > maxLength)
            throw new ValidationException($"{Capitalised(field)} is too long", [$"{field} must be at most {maxLength} characters"]);
        // NUL and other control characters cannot be stored in PostgreSQL text and have no place in user text.
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new ValidationException($"{Capitalised(field)} contains invalid characters", [$"{field} must not contain control characters"]);
        return trimmed;
    }

    /// <summary>Zero-width and other format characters alone would make an empty-looking but "non-blank" text.</summary>
    private static bool IsInvisible(char c) => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
