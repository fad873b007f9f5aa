using VideoTube.Application.Users;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/users routes (accounts and sessions).</summary>
public sealed class Users : IEndpointGroup
{
    public static string Prefix => "/api/v1/users";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/register", Register).DisableAntiforgery().WithSummary("Create an account (multipart, avatar required)");
        group.MapPost("/login", Login).DisableAntiforgery().WithSummary("Log in with username or email");
        group.MapPost("/refresh-token", RefreshToken).DisableAntiforgery().WithSummary("Rotate the refresh token");
        group.MapPost("/logout", Logout).RequireAuthorization().WithSummary("End the current session");
        group.MapPost("/change-password", ChangePassword).RequireAuthorization().WithSummary("Change password; ends all sessions");
        group.MapGet("/current-user", CurrentUser).RequireAuthorization();
        group.MapPatch("/update-account", UpdateAccount).RequireAuthorization().WithSummary("Update fullName and email");
        group.MapPatch("/avatar", (HttpRequest request, UpdateUserImageHandler handler, CancellationToken ct) =>
                UpdateImage(request, handler, UserImageKind.Avatar, ct))
            .RequireAuthorization().DisableAntiforgery().WithSummary("Replace the avatar (multipart 'avatar')");
        group.MapPatch("/cover-image", (HttpRequest request, UpdateUserImageHandler handler, CancellationToken ct) =>
                UpdateImage(request, handler, UserImageKind.CoverImage, ct))
            .RequireAuthorization().DisableAntiforgery().WithSummary("Replace the cover image (multipart 'coverImage')");
        group.MapGet("/c/{username}", ChannelProfile).RequireAuthorization()
            .WithSummary("A channel's profile with subscriber counts");
        group.MapGet("/history", WatchHistory).RequireAuthorization().WithSummary("Watched videos, most recent first");
    }

    private sealed record Credentials(string? Username, string? Email, string? Password);
    private sealed record RefreshRequest(string? RefreshToken);
    private sealed record LoginResponse(UserDto User, string AccessToken, string RefreshToken);
    private sealed record RefreshResponse(string AccessToken, string RefreshToken);

    private static async Task<IResult> Register(HttpRequest request, RequestBody body, RegisterUserHandler handler,
        CancellationToken ct)
    {
        RegisterUserCommand command;
        if (request.HasFormContentType)
        {
            var form = await RequestBody.ReadFormAsync(request, ct);
            RequestBody.RejectUnexpectedFiles(form, "avatar", "coverImage");
            command = new RegisterUserCommand(form["fullName"], form["email"], form["username"], form["password"],
                RequestBody.File(form, "avatar"), RequestBody.File(form, "coverImage"));
        }
        else
        {
            command = await body.ReadAsync<RegisterUserCommand>(request, ct) with { Avatar = null, CoverImage = null };
        }
        var user = await handler.HandleAsync(command, ct);
        return Envelope.Created(user, "User registered Successfully");
    }

    private static async Task<IResult> Login(HttpRequest request, HttpResponse response, RequestBody body,
        LoginUserHandler handler, AuthCookies cookies, CancellationToken ct)
    {
        var credentials = await body.ReadAsync<Credentials>(request, ct);
        var result = await handler.HandleAsync(new LoginUserCommand(credentials.Username, credentials.Email, credentials.Password), ct);
        cookies.Set(response, result.Session);
        return Envelope.Ok(new LoginResponse(result.User, result.AccessToken, result.RefreshToken), "User logged In Successfully");
    }

    private static async Task<IResult> RefreshToken(HttpRequest request, HttpResponse response, RequestBody body,
        RefreshAccessTokenHandler handler, AuthCookies cookies, CancellationToken ct)
    {
        var token = request.Cookies[AuthCookies.RefreshTokenCookie];
        if (string.IsNullOrEmpty(token))
            token = (await body.ReadAsync<RefreshRequest>(request, ct)).RefreshToken;
        var session = await handler.HandleAsync(new RefreshAccessTokenCommand(token), ct);
        cookies.Set(response, session);
        return Envelope.Ok(new RefreshResponse(session.AccessToken, session.RefreshToken), "Access token refreshed");
    }

    private static async Task<IResult> Logout(HttpRequest request, HttpResponse response, RequestBody body,
        LogoutUserHandler handler, AuthCookies cookies, CancellationToken ct)
    {
        var token = request.Cookies[AuthCookies.RefreshTokenCookie];
        if (string.IsNullOrEmpty(token))
            token = (await body.ReadAsync<RefreshRequest>(request, ct)).RefreshToken;
        await handler.HandleAsync(new LogoutUserCommand(token), ct);
        cookies.Clear(response);
        return Envelope.Ok("User logged Out");
    }

    private static async Task<IResult> ChangePassword(HttpRequest request, HttpResponse response, RequestBody body,
        ChangePasswordHandler handler, AuthCookies cookies, CancellationToken ct)
    {
        await handler.HandleAsync(await body.ReadAsync<ChangePasswordCommand>(request, ct), ct);
        cookies.Clear(response);
        return Envelope.Ok("Password changed successfully");
    }

    private static async Task<IResult> CurrentUser(GetCurrentUserHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(ct), "User fetched successfully");

    private static async Task<IResult> ChannelProfile(string username, GetChannelProfileHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new GetChannelProfileQuery(username), ct), "User channel fetched successfully");

    private static async Task<IResult> WatchHistory(ListCallerVideosHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.WatchHistoryAsync(ct), "Watch history fetched successfully");

    private static async Task<IResult> UpdateAccount(HttpRequest request, RequestBody body, UpdateAccountHandler handler,
        CancellationToken ct)
    {
        var user = await handler.HandleAsync(await body.ReadAsync<UpdateAccountCommand>(request, ct), ct);
        return Envelope.Ok(user, "Account details updated successfully");
    }

    private static async Task<IResult> UpdateImage(HttpRequest request, UpdateUserImageHandler handler,
        UserImageKind kind, CancellationToken ct)
    {
        var field = kind == UserImageKind.Avatar ? "avatar" : "coverImage";
        var form = await RequestBody.ReadFormAsync(request, ct);
        RequestBody.RejectUnexpectedFiles(form, field);
        var user = await handler.HandleAsync(new UpdateUserImageCommand(kind, RequestBody.File(form, field)), ct);
        return Envelope.Ok(user, kind == UserImageKind.Avatar ? "Avatar image updated successfully" : "Cover image updated successfully");
    }
}
