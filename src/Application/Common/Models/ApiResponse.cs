using System.Text.Json.Serialization;

namespace VideoTube.Application.Common.Models;

/// <summary>chai-backend's success envelope; <c>success</c> is derived from the status code as there.</summary>
public sealed record ApiResponse<T>(
    [property: JsonPropertyOrder(0)] int StatusCode,
    [property: JsonPropertyOrder(1)] T Data,
    [property: JsonPropertyOrder(2)] string Message)
{
    [JsonPropertyOrder(3)]
    public bool Success => StatusCode < 400;
}

/// <summary>chai-backend's error envelope (without the stack trace it leaked).</summary>
public sealed record ApiError(int StatusCode, string Message, IReadOnlyList<string> Errors)
{
    [JsonPropertyOrder(0)] public int StatusCode { get; init; } = StatusCode;
    [JsonPropertyOrder(1)] public object? Data => null;
    [JsonPropertyOrder(2)] public string Message { get; init; } = Message;
    [JsonPropertyOrder(3)] public bool Success => false;
    [JsonPropertyOrder(4)] public IReadOnlyList<string> Errors { get; init; } = Errors;
}

/// <summary>Serialises as <c>{}</c>, the payload chai-backend sends when there is nothing to return.</summary>
public sealed record Empty
{
    public static readonly Empty Value = new();
}
