using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Accounts as ASP.NET Core Identity keeps them (password hashes, lookup normalisation, lockout), behind a port so no use
/// case depends on Identity's managers. User names and emails passed in are already in their stored form (trimmed and
/// lower-case); the implementation applies Identity's lookup normalisation.
/// </summary>
public interface IIdentityService
{
    Task<User?> FindByIdAsync(Guid userId, CancellationToken cancellationToken);

    Task<bool> IsUserNameOrEmailTakenAsync(string userName, string email, CancellationToken cancellationToken);

    Task<bool> IsEmailTakenByAnotherAsync(string email, Guid userId, CancellationToken cancellationToken);

    Task<IdentityOutcome> CreateAsync(User user, string password, CancellationToken cancellationToken);

    Task<IdentityOutcome> UpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the full name and email (and its lookup column) in ONE statement, last writer wins: Identity's
    /// read-modify-write with its concurrency stamp made parallel updates by one user fail.
    /// </summary>
    Task<IdentityOutcome> UpdateProfileAsync(Guid userId, string fullName, string email,
        CancellationToken cancellationToken);

    Task<IdentityOutcome> ChangePasswordAsync(User user, string currentPassword, string newPassword,
        CancellationToken cancellationToken);

    /// <summary>
    /// Finds the account by user name or email and checks the password, after claiming one attempt atomically for the
    /// (name, client) pair and for the name alone: past either limit the check is refused without a verdict. An
    /// unknown account and a wrong password are the same outcome, counted and timed the same (a dummy hash is
    /// verified), so callers cannot tell them apart.
    /// </summary>
    Task<PasswordCheck> CheckPasswordAsync(string? userName, string? email, string password,
        CancellationToken cancellationToken);
}

public enum IdentityFailure
{
    None,
    DuplicateUserNameOrEmail,
    PasswordMismatch,
    UserNotFound,
    Other,
}

/// <summary>The result of an account change: <see cref="Errors"/> are Identity's descriptions, for the client.</summary>
public sealed record IdentityOutcome(IdentityFailure Failure, IReadOnlyList<string> Errors)
{
    public static readonly IdentityOutcome Success = new(IdentityFailure.None, []);

    public bool Succeeded => Failure == IdentityFailure.None;
}

public enum PasswordCheckResult
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

/// <summary>
/// <see cref="User"/> is set only when the check succeeded; <see cref="RetryAfter"/> only when it was refused for too
/// many attempts.
/// </summary>
public sealed record PasswordCheck(PasswordCheckResult Result, User? User = null, TimeSpan? RetryAfter = null);
