namespace VideoTube.Application.Common.Media;

/// <summary>What a row pointed to before a file replacement (a storage key); null when nothing.</summary>
public sealed record ReplacedFile(string? Previous);
