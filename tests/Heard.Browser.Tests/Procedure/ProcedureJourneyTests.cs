using System.Net;
using System.Text.RegularExpressions;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Domain.Calendar;
using Heard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Procedure;

/// <summary>The app on a socket without the demo data, so these tests make exactly the people and complaints they need.</summary>
public sealed class ProcedureAppServer : HeardAppServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Heard:DemoData:Enabled", "false");
    }
}

/// <summary>One adult complaint from the public form to the outcome letter, in Chromium, with axe scans of the new pages.</summary>
public sealed class ProcedureJourneyTests(ProcedureAppServer app, Chromium chromium)
    : IClassFixture<ProcedureAppServer>, IClassFixture<Chromium>
{
    private const string Password = "Correct-horse-battery-9";

    private async Task<string> StaffAsync(string name, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HeardUser>>();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        var user = new HeardUser { DisplayName = name, UserName = email, Email = email, JobTitle = Roles.Describe(roles[0]) };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }

        return email;
    }

    private async Task<T> DbAsync<T>(Func<HeardDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeardDbContext>());
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(app.Url("/staff/sign-in").ToString());
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff$"));
    }

    private static ILocator Step(IPage page, string name) => page.Locator($"details:has(summary .govuk-details__summary-text:text-is('{name}'))");

    private static async Task TakeStepAsync(IPage page, string name, Func<ILocator, Task>? fill = null)
    {
        var details = Step(page, name);
        await details.Locator("summary").ClickAsync();
        if (fill is not null)
        {
            await fill(details);
        }

        await details.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
    }

    private static async Task ExpectSuccessAsync(IPage page, string text) =>
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(text);

    [Fact]
    public async Task Adult_complaint_goes_from_the_public_form_to_the_outcome_letter_as_staff()
    {
        var officer = await StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        await StaffAsync("Rae Responsible", Roles.ServiceManager);

        await chromium.WithPageAsync(async page =>
        {
            // The person complains.
            await page.GotoAsync(app.Url("/complain").ToString());
            await page.GetByLabel("Full name").FillAsync("Ann Journey");
            await page.GetByLabel("A parent").CheckAsync();
            await page.GetByLabel("Email address (optional)").FillAsync("ann.journey@example.com");
            await page.GetByLabel("Issue 1").FillAsync("The report says I missed two meetings. I did not: they were cancelled by the worker.");
            await page.GetByLabel("What would you like to happen?").FillAsync("The report corrected and an apology.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send complaint" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Complaint sent");
            var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
            var caseId = await DbAsync(db => db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
            var due = await DbAsync(db => db.CaseDeadlines.Where(d => d.CaseId == caseId && d.Kind == "response").Select(d => d.DueOn).SingleAsync());
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"We will reply by {CalendarText.FullDate(due)}.");

            // The complaints officer acknowledges it with the standard letter.
            await SignInAsync(page, officer);
            await page.GotoAsync(app.Url("/staff/queues/new").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(reference);
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Write the acknowledgement letter" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Acknowledgement letter: draft");
            await Assertions.Expect(page.Locator(".heard-letter")).ToContainTextAsync($"We aim to send you a full response by {CalendarText.FullDate(due)}");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send letter" }).ClickAsync();
            await ExpectSuccessAsync(page, "Letter sent by email");

            // Accepted, investigated by a responsible manager.
            await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {reference}" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1 + p .govuk-tag")).ToHaveTextAsync("Acknowledged");
            await TakeStepAsync(page, "Accept");
            await ExpectSuccessAsync(page, "Done: Accept");
            await TakeStepAsync(page, "Start the investigation", d => d.GetByLabel("Who is the responsible manager?").SelectOptionAsync(new SelectOptionValue { Label = "Rae Responsible, Service manager" }));
            await ExpectSuccessAsync(page, "Done: Start the investigation");
            await TakeStepAsync(page, "Declare conflicts of interest", d => d.GetByLabel("No").CheckAsync());
            await TakeStepAsync(page, "Offer a conversation");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Offer of a conversation letter: draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send letter" }).ClickAsync();
            await ExpectSuccessAsync(page, "Letter sent by email");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {reference}" }).ClickAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            // The finding, then the outcome letter: sending it sends the response.
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a remedy" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add a remedy");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {reference}" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Record the finding on issue 1" }).ClickAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByLabel("Theme").SelectOptionAsync(new SelectOptionValue { Label = "Report content and accuracy" });
            await page.GetByLabel("Partly upheld").CheckAsync();
            await page.GetByLabel("What happened", new() { Exact = true }).FillAsync("One of the two meetings was cancelled by the worker; the report said both were missed.");
            await page.GetByLabel("What should have happened").FillAsync("The report should have recorded that the worker cancelled the meeting.");
            await page.GetByLabel("The standard or policy it is measured against").FillAsync("Cafcass Operating Framework: recording");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save finding" }).ClickAsync();
            await ExpectSuccessAsync(page, "Finding on issue 1 recorded");
            await page.GetByRole(AriaRole.Button, new() { Name = "Write the outcome letter" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("Sending this letter also records “Send the response” on the complaint.");
            await Assertions.Expect(page.Locator(".heard-letter")).ToContainTextAsync("What I found: Partly upheld.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send letter" }).ClickAsync();

            await ExpectSuccessAsync(page, "Letter sent by email");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Outcome of the complaint letter");
            await Assertions.Expect(page.Locator(".heard-letter")).ToContainTextAsync("Parliamentary and Health Service Ombudsman");
            await Assertions.Expect(page.Locator(".heard-letter")).ToContainTextAsync("Member of Parliament (MP)");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {reference}" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1 + p .govuk-tag")).ToHaveTextAsync("Response sent");
            await Assertions.Expect(page.Locator("#deadlines + dl, #deadlines ~ dl").First).ToContainTextAsync("Met");
            var state = await DbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync());
            var emails = await DbAsync(db => db.OutboxMessages.CountAsync(m => m.CaseId == caseId && m.Purpose == "letter"));
            Assert.Equal("response-sent", state);
            Assert.Equal(3, emails);
        });
    }

    [Fact]
    public async Task Procedure_administration_pages_have_no_accessibility_violations()
    {
        var admin = await StaffAsync("Chris Mensah", Roles.Administrator);

        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, admin);
            await page.GetByRole(AriaRole.Link, new() { Name = "Procedures" }).ClickAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Adults' complaints policy (2023)" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Adults' complaints policy (2023)");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Make a new version from this one" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check and save the new version" }).ClickAsync();

            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the procedure is changing");
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Childrens_form_has_no_accessibility_violations_empty_or_with_errors()
    {
        await chromium.WithPageAsync(async page =>
        {
            var response = await page.GotoAsync(app.Url("/tell-us").ToString());
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Tell us your name");
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Childs_complaint_sent_from_the_childrens_form_reaches_the_childrens_complaints_managers_queue()
    {
        var manager = await StaffAsync("Sasha Whitfield", Roles.ChildrensComplaintsManager);

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/tell-us").ToString());
            await page.GetByLabel("What is your name?").FillAsync("Robin");
            await page.GetByLabel("What are you unhappy about?").FillAsync("My worker said they would come back but they never did.");
            await page.GetByLabel("Email address").FillAsync("robins.grandad@example.com");
            await page.GetByLabel("Is a grown-up helping you? (you do not have to answer this)").FillAsync("Grandad");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you for telling us");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

            await SignInAsync(page, manager);
            await page.GetByRole(AriaRole.Link, new() { Name = "Children's complaints" }).ClickAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Record the conversation with the child");
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }
}
