using System.Net.Mail;
using FluentValidation;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

/// <summary>
/// Normalisation and the validator rules of account fields. Emails are lower-cased (chai-backend's <c>lowecase</c> typo
/// left uniqueness case-sensitive, quirk 11) and usernames are lower-case as there.
/// </summary>
public static class UserInput
{
    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Printable ASCII only: invisible or bidi-control characters make look-alike addresses.</summary>
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(email => email is null || IsEmail(NormalizeEmail(email)))
            .Reported("Invalid email address", "email must be a valid email address");

    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(username => username is null || IsUsername(NormalizeUsername(username)))
            .Reported("Invalid username",
                $"username must be {User.MinUserNameLength}-{User.MaxUserNameLength} characters: letters, digits, '.', '_' or '-'");

    public static IRuleBuilderOptions<T, string?> ValidFullName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(fullName => fullName is null || fullName.Trim().Length <= User.MaxFullNameLength)
            .Reported("Invalid full name", $"fullName must be at most {User.MaxFullNameLength} characters");

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule, string field = "password") =>
        rule.Must(password => password is null or { Length: >= User.MinPasswordLength and <= User.MaxPasswordLength })
            .Reported("Invalid password", $"{field} must be {User.MinPasswordLength}-{User.MaxPasswordLength} characters");

    private static bool IsUsername(string value) =>
        value.Length is >= User.MinUserNameLength and <= User.MaxUserNameLength && value.All(User.UserNameCharacters.Contains);

    private static bool IsEmail(string value) =>
        value.Length <= User.MaxEmailLength && MailAddress.TryCreate(value, out var address) && address.Address == value
        && value.Contains('.', StringComparison.Ordinal) && !value.EndsWith('.') && value.All(c => c > ' ' && c < 0x7F);
}
