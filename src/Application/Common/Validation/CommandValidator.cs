using FluentValidation;

namespace VideoTube.Application.Common.Validation;

/// <summary>
/// The base of every command's validator (ADR-007): each rule stops at its first broken check, as the API always
/// reported one problem per field.
/// </summary>
public abstract class CommandValidator<T> : AbstractValidator<T>
{
    protected CommandValidator() => RuleLevelCascadeMode = CascadeMode.Stop;
}
