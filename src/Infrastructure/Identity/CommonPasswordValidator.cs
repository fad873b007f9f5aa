using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Identity;

/// <summary>
/// Rejects the 10,000 most common passwords (OWASP ASVS V2.1.7): they are the first guesses of every credential
/// stuffing run, whatever their length. The list is embedded (see CommonPasswords/SOURCE.md) and compared without
/// regard to case, as guessing tools try case variants too.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is not null && Passwords.Value.Contains(password.Trim())
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the most commonly used and easily guessed; choose another.",
            })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("VideoTube.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
