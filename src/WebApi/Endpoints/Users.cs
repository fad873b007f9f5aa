using VideoTube.Application.Users;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.Observability;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/users routes (accounts and sessions).</summary>
public sealed class Users : IEndpointGroup
{
    public static string Prefix => "/api/v1/users";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/register", Register).DisableAntiforgery().WithSummary("Create an account (multipart, avatar required)")
            .WithName("registerUser").AcceptsMultipart<RegisterForm>().Returns<UserDto>(StatusCodes.Status201Created)
            .Fails(StatusCodes.Status409Conflict);
        group.MapPost("/login", Login).DisableAntiforgery().WithSummary("Log in with username or email")
            .WithName("loginUser").AcceptsJson<Credentials>().Returns<LoginResponse>().AddEndpointFilter<LoginMetricsFilter>()
            .Fails(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh-token", RefreshToken).DisableAntiforgery().WithSummary("Rotate the refresh token")
            .WithName("refreshAccessToken").AcceptsJson<RefreshRequest>().Returns<RefreshResponse>()
            .Fails(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", Logout).RequireAuthorization().WithSummary("End the current session")
            .WithName("logoutUser").AcceptsJson<RefreshRequest>().ReturnsMessage();
        group.MapPost("/change-password", ChangePassword).RequireAuthorization().WithSummary("Change password; ends all sessions")
            .WithName("changePassword").AcceptsJson<ChangePasswordCommand>().ReturnsMessage();
        group.MapGet("/current-user", CurrentUser).RequireAuthorization().WithSummary("The logged-in user")
            .WithName("getCurrentUser").Returns<UserDto>();
        group.MapPatch("/update-account", UpdateAccount).RequireAuthorization().WithSummary("Update fullName and email")
            .WithName("updateAccount").AcceptsJson<UpdateAccountCommand>().Returns<UserDto>().Fails(StatusCodes.Status409Conflict);
        group.MapPatch("/avatar", (HttpRequest request, UpdateUserImageHandler handler, CancellationToken ct) =>
                UpdateImage(request, handler, UserImageKind.Avatar, ct))
            .RequireAuthorization().DisableAntiforgery().WithSummary("Replace the avatar (multipart 'avatar')")
            .WithName("updateAvatar").AcceptsMultipart<AvatarForm>().Returns<UserDto>();
        group.MapPatch("/cover-image", (HttpRequest request, UpdateUserImageHandler handler, CancellationToken ct) =>
                UpdateImage(request, handler, UserImageKind.CoverImage, ct))
            .RequireAuthorization().DisableAntiforgery().WithSummary("Replace the cover image (multipart 'coverImage')")
            .WithName("updateCoverImage").AcceptsMultipart<CoverImageForm>().Returns<UserDto>();
        group.MapGet("/c/{username}", ChannelProfile).RequireAuthorization()
            .WithSummary("A channel's profile with subscriber counts")
            .WithName("getChannelProfile").Returns<ChannelProfileDto>();
        group.MapGet("/history", WatchHistory).RequireAuthorization().WithSummary("Watched videos, most recent first")
            .WithName("getWatchHistory").Returns<IReadOnlyList<VideoDto>>();
    }

    /// <summary>The register form as documented; the handler reads the same parts itself.</summary>
    private sealed class RegisterForm
    {
        public required string FullName { get; init; }
        public required string Email { get; init; }
        public required string Username { get; init; }
        public required string Password { get; init; }
        public required IFormFile Avatar { get; init; }
        public IFormFile? CoverImage { get; init; }
    }

    private sealed record AvatarForm(IFormFile Avatar);
    private sealed record CoverImageForm(IFormFile CoverImage);

    /// <summary>Username or email, and the password: no field is required by itself.</summary>
    private sealed record Credentials
    {
        public string? Username { get; init; }
        public string? Email { get; init; }
        public string? Password { get; init; }
    }
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
