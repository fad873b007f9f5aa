using System.Globalization;
using FluentValidation;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Validation;

/// <summary>
/// The shared rules of the validators, each stated once, and the one way validators run. A broken rule carries the
/// envelope's message (as its state) and one line for <c>errors</c> (as its message), so chai-backend's wording stays.
/// </summary>
public static class ValidationRules
{
    public const string AllFieldsRequired = "All fields are required";

    /// <summary>
    /// Runs the validator and throws <see cref="ValidationException"/> for the first broken rule: its message, and the
    /// error lines of every broken rule that shares it (so "All fields are required" lists each missing field).
    /// </summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(instance, cancellationToken);
        if (result.IsValid)
            return;
        var first = result.Errors[0];
        if (first.CustomState is not string message)
            throw new ValidationException(first.ErrorMessage);
        throw new ValidationException(message, result.Errors
            .Where(error => error.CustomState as string == message).Select(error => error.ErrorMessage).ToList());
    }

    /// <summary>Reports a broken rule as <paramref name="message"/> with <paramref name="error"/> as its one error line.</summary>
    public static IRuleBuilderOptions<T, TProperty> Reported<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule,
        string message, string error) =>
        rule.WithMessage(error).WithState(_ => message);

    /// <summary>A form field that must be sent and not blank (chai-backend's "All fields are required").</summary>
    public static IRuleBuilderOptions<T, string?> RequiredField<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).Reported(AllFieldsRequired, $"{field} is required");

    /// <summary>Free text that must have something visible: zero-width and other format characters alone do not count.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(value => !IsBlank(value)).Reported($"{Capitalised(field)} is required", $"{field} is required");

    /// <summary>
    /// Free text within a maximum length (after trimming) and without control characters, which PostgreSQL cannot
    /// store (NUL) and which have no place in user text. Null passes: "not sent" is the required rule's question.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength,
        string? tooLongMessage = null) =>
        rule.Must(value => value is null || value.Trim().Length <= maxLength)
            .Reported(tooLongMessage ?? $"{Capitalised(field)} is too long", $"{field} must be at most {maxLength} characters")
            .Must(value => value is null || !value.Trim().Any(IsControl))
            .Reported($"{Capitalised(field)} contains invalid characters", $"{field} must not contain control characters");

    public static bool IsBlank(string? value) => value is null || value.All(IsInvisible);

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
