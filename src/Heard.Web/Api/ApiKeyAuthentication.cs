using System.Security.Claims;
using System.Text.Encodings.Web;
using Heard.Application.Api;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Heard.Web.Api;

/// <summary>
/// API keys: <c>Authorization: Bearer heard_…</c> (or <c>X-Api-Key</c>). A request without a valid key gets 401 with
/// a problem document; a key whose role cannot do something gets 403. Keys are looked up by their SHA-256 hash.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServiceAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var account = await accounts.AuthenticateAsync(key, Context.RequestAborted);
        if (account is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(CurrentViewer.ServiceAccountClaim, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, account.Role),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "An API key is needed",
            "Send your service account's key as 'Authorization: Bearer <key>'. Keys are made by a Heard administrator.",
            headers: h => h.WWWAuthenticate = "Bearer");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Your service account cannot do this",
            "The role of this service account does not include this request.");

    private static string? KeyFrom(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}
