using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Data.Queries;

namespace VideoTube.Infrastructure.Identity;

/// <summary><see cref="IIdentityService"/> over ASP.NET Core Identity's <see cref="UserManager{TUser}"/>.</summary>
public sealed class IdentityService(
    UserManager<User> userManager,
    LoginAttempts attempts,
    IRequestContext request,
    IOptions<LoginThrottleOptions> throttle,
    TimeProvider clock) : IIdentityService
{
    /// <summary>Verified for unknown names, so they cost the same hash work as a real account (no timing oracle).</summary>
    private static readonly Lazy<string> DummyHash =
        new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public Task<User?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) =>
        userManager.FindByIdAsync(userId.ToString());

    public Task<bool> IsUserNameOrEmailTakenAsync(string userName, string email, CancellationToken cancellationToken)
    {
        var normalizedUserName = userManager.NormalizeName(userName);
        var normalizedEmail = userManager.NormalizeEmail(email);
        return userManager.Users.AnyAsync(
            u => u.NormalizedUserName == normalizedUserName || u.NormalizedEmail == normalizedEmail, cancellationToken);
    }

    public Task<bool> IsEmailTakenByAnotherAsync(string email, Guid userId, CancellationToken cancellationToken)
    {
        var normalizedEmail = userManager.NormalizeEmail(email);
        return userManager.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != userId, cancellationToken);
    }

    public async Task<IdentityOutcome> CreateAsync(User user, string password, CancellationToken cancellationToken) =>
        Outcome(await userManager.CreateAsync(user, password));

    /// <summary>Identity's update also refreshes the normalised lookup columns from the changed email.</summary>
    public async Task<IdentityOutcome> UpdateAsync(User user, CancellationToken cancellationToken) =>
        Outcome(await userManager.UpdateAsync(user));

    public async Task<IdentityOutcome> UpdateProfileAsync(Guid userId, string fullName, string email,
        CancellationToken cancellationToken)
    {
        var normalizedEmail = userManager.NormalizeEmail(email);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var updated = await userManager.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FullName, fullName)
                .SetProperty(u => u.Email, email)
                .SetProperty(u => u.NormalizedEmail, normalizedEmail)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
                .SetProperty(u => u.UpdatedAt, now), cancellationToken);
            return updated == 0 ? new IdentityOutcome(IdentityFailure.UserNotFound, []) : IdentityOutcome.Success;
        }
        catch (Exception exception) when (DatabaseErrorTranslator.IsUniqueViolation(exception))
        {
            // The unique email index is the arbiter when two accounts claim one address at once.
            return new IdentityOutcome(IdentityFailure.DuplicateUserNameOrEmail, []);
        }
    }

    public async Task<IdentityOutcome> ChangePasswordAsync(User user, string currentPassword, string newPassword,
        CancellationToken cancellationToken) =>
        Outcome(await userManager.ChangePasswordAsync(user, currentPassword, newPassword));

    public async Task<PasswordCheck> CheckPasswordAsync(string? userName, string? email, string password,
        CancellationToken cancellationToken)
    {
        var byUserName = string.IsNullOrWhiteSpace(userName) ? null : userManager.NormalizeName(userName);
        var byEmail = string.IsNullOrWhiteSpace(email) ? null : userManager.NormalizeEmail(email);
        var user = await userManager.Users.FirstOrDefaultAsync(
            u => (byUserName != null && u.NormalizedUserName == byUserName) ||
                 (byEmail != null && u.NormalizedEmail == byEmail), cancellationToken);

        // Keyed by the account when it exists (its user name and email share one budget), else by the name tried:
        // unknown names are throttled exactly like real ones.
        var account = user is not null ? $"user:{user.Id}" : $"name:{byUserName ?? byEmail}";
        if (account.Length > LoginAttempt.MaxKeyLength - 80)
            account = account[..(LoginAttempt.MaxKeyLength - 80)];
        var keys = new[] { $"{account}|client:{request.IpAddress ?? "unknown"}", account };
        var limits = new[] { throttle.Value.MaxAttemptsPerClient, throttle.Value.MaxAttemptsPerAccount };
        var now = clock.GetUtcNow().UtcDateTime;
        var window = throttle.Value.Window;
        // Checks for one account take turns, so of N parallel guesses (from one client or many) at most the limits get a
        // verdict; parallel correct logins all succeed (each waits at most one hash per request ahead of it, and
        // refusals cost no hash).
        await using var transaction = await attempts.LockAsync(account, cancellationToken);
        for (var i = 0; i < keys.Length; i++)
        {
            var (failures, windowStartedAt) = await attempts.CountAsync(keys[i], now, window, cancellationToken);
            if (failures >= limits[i])
                return new PasswordCheck(PasswordCheckResult.LockedOut, RetryAfter: windowStartedAt + window - now);
        }

        var verified = user is null
            ? VerifyDummy(password)
            : await userManager.CheckPasswordAsync(user, password);
        if (!verified)
        {
            foreach (var key in keys)
                await attempts.ClaimAsync(key, now, window, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PasswordCheck(PasswordCheckResult.InvalidCredentials);
        }
        await attempts.ResetAsync(keys, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordCheck(PasswordCheckResult.Succeeded, user);
    }

    /// <summary>An unknown name costs the same hash work as a real account, and always fails.</summary>
    private bool VerifyDummy(string password)
    {
        userManager.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, password);
        return false;
    }

    private static IdentityOutcome Outcome(IdentityResult result)
    {
        if (result.Succeeded)
            return IdentityOutcome.Success;
        var codes = result.Errors.Select(e => e.Code).ToList();
        var failure = codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)) ||
                      codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail))
            ? IdentityFailure.DuplicateUserNameOrEmail
            : codes.Contains(nameof(IdentityErrorDescriber.PasswordMismatch))
                ? IdentityFailure.PasswordMismatch
                : IdentityFailure.Other;
        return new IdentityOutcome(failure, result.Errors.Select(e => e.Description).ToList());
    }
}
