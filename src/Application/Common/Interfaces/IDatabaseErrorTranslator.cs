using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Turns a database failure into the semantic exception it means (duplicate → conflict, missing reference → not found,
/// invalid value → validation, unreachable → unavailable). Implemented once, in Infrastructure, the only layer that
/// knows the database's error codes.
/// </summary>
public interface IDatabaseErrorTranslator
{
    /// <summary>Null when <paramref name="exception"/> is not a database failure this translator knows.</summary>
    AppException? Translate(Exception exception);
}
