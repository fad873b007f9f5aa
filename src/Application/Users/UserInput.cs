using System.Net.Mail;
using System.Text.RegularExpressions;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Users;

/// <summary>
/// Normalisation and validation of account fields. Emails are lower-cased (chai-backend's <c>lowecase</c> typo left
/// uniqueness case-sensitive, quirk 11) and usernames are lower-case as there.
/// </summary>
public static partial class UserInput
{
    public const int MaxFullNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static void RequireFields(params (string Name, string? Value)[] fields)
    {
        var missing = fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name} is required").ToList();
        if (missing.Count > 0)
            throw new ValidationException("All fields are required", missing);
    }

    /// <summary>Printable ASCII only: invisible or bidi-control characters make look-alike addresses.</summary>
    public static void ValidateEmail(string normalizedEmail)
    {
        if (normalizedEmail.Length > MaxEmailLength || !IsEmail(normalizedEmail))
            throw new ValidationException("Invalid email address", ["email must be a valid email address"]);
    }

    public static void ValidateUsername(string normalizedUsername)
    {
        if (!UsernamePattern().IsMatch(normalizedUsername))
            throw new ValidationException("Invalid username",
                ["username must be 3-30 characters: letters, digits, '.', '_' or '-'"]);
    }

    public static string ValidateFullName(string fullName)
    {
        var trimmed = fullName.Trim();
        if (trimmed.Length > MaxFullNameLength)
            throw new ValidationException("Invalid full name", [$"fullName must be at most {MaxFullNameLength} characters"]);
        return trimmed;
    }

    public static void ValidatePassword(string password, string field = "password")
    {
        if (password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            throw new ValidationException("Invalid password",
                [$"{field} must be {MinPasswordLength}-{MaxPasswordLength} characters"]);
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && !value.EndsWith('.') && value.All(c => c > ' ' && c < 0x7F);

    [GeneratedRegex("^[a-z0-9._-]{3,30}$")]
    private static partial Regex UsernamePattern();
}
