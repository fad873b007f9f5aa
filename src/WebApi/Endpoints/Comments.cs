using VideoTube.Application.Comments;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Common.Posts;
using VideoTube.Domain.Entities;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/comments routes (stubs there).</summary>
public sealed class Comments : IEndpointGroup
{
    public static string Prefix => "/api/v1/comments";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization().DisableAntiforgery();
        group.MapGet("/{videoId}", List).WithSummary("A video's comments, newest first (paginated)")
            .WithName("listVideoComments").Returns<PaginatedList<CommentDto>>();
        group.MapPost("/{videoId}", Add).WithSummary("Comment on a video")
            .WithName("addComment").AcceptsJson<ContentRequest>().Returns<CommentDto>(StatusCodes.Status201Created);
        group.MapPatch("/c/{commentId}", Update).WithSummary("Edit your comment")
            .WithName("updateComment").AcceptsJson<ContentRequest>().Returns<CommentDto>().Fails(StatusCodes.Status403Forbidden);
        group.MapDelete("/c/{commentId}", Delete).WithSummary("Delete your comment, or any comment on your video")
            .WithName("deleteComment").ReturnsMessage().Fails(StatusCodes.Status403Forbidden);
    }

    private sealed record ContentRequest(string? Content);

    private static async Task<IResult> List(string videoId, string? page, string? limit, ListVideoCommentsHandler handler,
        CancellationToken ct)
    {
        var query = new ListVideoCommentsQuery(RouteIds.Parse(videoId, "video"), PageRequest.Parse(page, limit));
        return Envelope.Ok(await handler.HandleAsync(query, ct), "Comments fetched successfully");
    }

    private static async Task<IResult> Add(string videoId, HttpRequest request, RequestBody body, AddCommentHandler handler,
        CancellationToken ct)
    {
        var id = RouteIds.Parse(videoId, "video");
        var input = await body.ReadAsync<ContentRequest>(request, ct);
        return Envelope.Created(await handler.HandleAsync(new AddCommentCommand(id, input.Content), ct), "Comment added successfully");
    }

    private static async Task<IResult> Update(string commentId, HttpRequest request, RequestBody body,
        EditPostHandler<Comment, CommentDto> handler, CancellationToken ct)
    {
        var id = RouteIds.Parse(commentId, "comment");
        var input = await body.ReadAsync<ContentRequest>(request, ct);
        return Envelope.Ok(await handler.HandleAsync(new EditPostCommand<Comment>(id, input.Content), ct), "Comment updated successfully");
    }

    private static async Task<IResult> Delete(string commentId, DeletePostHandler<Comment> handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeletePostCommand<Comment>(RouteIds.Parse(commentId, "comment")), ct);
        return Envelope.Ok("Comment deleted successfully");
    }
}
