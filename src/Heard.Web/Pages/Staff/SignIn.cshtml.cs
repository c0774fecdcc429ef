using Heard.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff;

public sealed partial class SignInModel(SignInManager<HeardUser> signIn, UserManager<HeardUser> users, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var target = Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/staff";
            return LocalRedirect(target);
        }

        // Logged by account id, never by the address typed: an email is personal data.
        var account = await users.FindByEmailAsync(Email.Trim());
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, account?.Id, account is null ? null : await users.GetAccessFailedCountAsync(account));
            ModelState.AddModelError(nameof(Email), "This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator to unlock it.");
        }
        else
        {
            LogFailed(logger, account?.Id, account is null ? null : await users.GetAccessFailedCountAsync(account));
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
        }

        Password = null;
        return Page();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Staff sign-in refused: account {UserId} locked out (failed attempts {FailedAttempts})")]
    private static partial void LogLockedOut(ILogger logger, Guid? userId, int? failedAttempts);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Staff sign-in failed: wrong email or password (account {UserId}, failed attempts {FailedAttempts})")]
    private static partial void LogFailed(ILogger logger, Guid? userId, int? failedAttempts);
}
