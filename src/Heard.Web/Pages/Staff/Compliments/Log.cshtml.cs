using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Compliments;

/// <summary>Log a compliment that came by letter, email, phone or in person.</summary>
public sealed class LogModel(UserManager<HeardUser> users, TimeProvider clock, HeardDbContext db, RecordViews views, ComplimentIntake intake) : RecordLogModel(users, clock)
{
    [BindProperty]
    public ComplimentSubmission Compliment { get; set; } = new();

    public IReadOnlyList<Choice> StaffChoices { get; private set; } = [];

    public IReadOnlyList<Choice> AreaChoices { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> AudienceChoices = [new(nameof(Audience.Adult), "An adult"), new(nameof(Audience.Child), "A child or young person")];

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        StaffChoices = [new Choice("", "Not known yet"), .. (await views.StaffAsync(cancellationToken)).Select(s => new Choice(s.Id.ToString(), $"{s.Name}{(s.JobTitle is null ? "" : $", {s.JobTitle}")}"))];
        AreaChoices = [new Choice("", "Not known"), .. await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id.ToString(), a.Name, null)).ToListAsync(cancellationToken)];
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SaveAsync((actor, channel, on, key) => intake.SubmitAsync(Compliment, channel, actor, key, on, cancellationToken), nameof(Compliment), cancellationToken);
}
