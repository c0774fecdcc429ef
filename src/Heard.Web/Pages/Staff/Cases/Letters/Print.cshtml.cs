using Heard.Application.Identity;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases.Letters;

/// <summary>A letter laid out for printing and posting.</summary>
public sealed class PrintModel(CaseLetters letters, UserManager<HeardUser> users, TimeProvider clock) : PageModel
{
    public LetterView Letter { get; private set; } = default!;

    public TimeProvider Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid letterId, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        try
        {
            var letter = await letters.FindAsync(id, letterId, who, cancellationToken);
            if (letter is null)
            {
                return NotFound();
            }

            Letter = letter;
            return Page();
        }
        catch (TransitionRefusedException)
        {
            return Forbid();
        }
    }
}
