namespace VideoTube.Application.Common.Posts;

/// <summary>How messages name a kind of post: from the entity's name ("Tweet not found", "your own comments").</summary>
internal static class PostNames<TPost>
{
    public static readonly string Singular = typeof(TPost).Name.ToLowerInvariant();
    public static readonly string Plural = Singular + "s";
    public static readonly string NotFound = $"{typeof(TPost).Name} not found";
}
