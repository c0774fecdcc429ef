using System.Net;
using Heard.Application.Cases;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Procedure;

/// <summary>The procedure's pages over HTTP: the public forms, the case page's actions and refusals, and who may see what.</summary>
public sealed class ProcedurePagesTests(ProcedureAppFactory app) : IClassFixture<ProcedureAppFactory>
{
    private async Task<IntakeResult> SubmitAsync(Audience audience)
    {
        using var scope = app.Services.CreateScope();
        var submission = new ComplaintSubmission
        {
            Audience = audience,
            FullName = audience == Audience.Child ? "Sam" : "Ann Example",
            Role = audience == Audience.Child ? null : ComplainantRole.Parent,
            Email = "family@example.com",
            Issues = ["The report says things about me that are wrong."],
            OutcomeWanted = audience == Audience.Child ? null : "An apology",
        };
        return await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(submission, Channel.Web, Actor.Public, Guid.NewGuid().ToString("N"));
    }

    private async Task SendAcknowledgementAsync(Guid caseId, Guid userId, string name, string role)
    {
        using var scope = app.Services.CreateScope();
        var who = new StaffMember(userId, name, [role]);
        var letters = scope.ServiceProvider.GetRequiredService<CaseLetters>();
        var letterId = await letters.PrepareStepAsync(caseId, await StaffClient.VersionAsync(app, caseId), "acknowledge", who);
        var letter = await StaffClient.DbAsync(app, db => db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        await letters.SendAsync(caseId, letterId, letter.Version, new LetterEdit(letter.Subject, letter.Body, letter.Channel, letter.RecipientName, letter.RecipientAddress), who);
    }

    [Fact]
    public async Task Childs_form_makes_a_childs_complaint_and_says_when_the_childrens_complaints_manager_will_be_in_touch()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await StaffClient.PostFormAsync(client, "/tell-us", "/tell-us", new Dictionary<string, string>
        {
            ["Form.SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["Form.FullName"] = "Jamie",
            ["Form.What"] = "Nobody told me what was happening with court.",
            ["Form.Email"] = "jamies.mum@example.com",
            ["Form.HelpedBy"] = "Mum",
        });
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/tell-us/confirmation", UriKind.Relative)));

        var created = await StaffClient.DbAsync(app, db => db.Cases.AsNoTracking().Where(c => c.Person.HelpedBy == "Mum").SingleAsync());
        var firstContact = await StaffClient.DbAsync(app, db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == created.Id && d.Kind == DeadlineKinds.FirstContact));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((Audience.Child, ComplainantRole.Child, "child-2023@1"), (created.Audience, created.Person.Role, created.PolicyCode));
        Assert.Contains($"Our children's complaints manager will get in touch with you by {CalendarText.FullDate(firstContact.DueOn)}", confirmation, StringComparison.Ordinal);
        Assert.Contains(created.Reference, confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Childs_form_with_nothing_filled_in_says_what_is_missing_in_plain_words_and_keeps_what_was_typed()
    {
        using var client = app.CreateClient();

        using var response = await StaffClient.PostFormAsync(client, "/tell-us", "/tell-us", new Dictionary<string, string> { ["Form.Better"] = "A new worker" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Form_FullName\">Tell us your name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Form_What\">Tell us what you are unhappy about</a>", html, StringComparison.Ordinal);
        Assert.Contains("Tell us how we can contact you", html, StringComparison.Ordinal);
        Assert.Contains(">A new worker</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_confirmation_shows_the_dates_the_procedure_promises()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string>
        {
            ["Form.SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["Form.FullName"] = "Olu Dates",
            ["Form.Role"] = "Parent",
            ["Form.Email"] = "olu@example.com",
            ["Form.Issues[0]"] = "Nobody called me back.",
            ["Form.OutcomeWanted"] = "A call back",
        };

        using var sent = await StaffClient.PostFormAsync(client, "/complain", "/complain?handler=Send", fields);
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/complain/confirmation", UriKind.Relative)));

        var created = await StaffClient.DbAsync(app, db => db.Cases.AsNoTracking().SingleAsync(c => c.Person.FullName == "Olu Dates"));
        var response = await StaffClient.DbAsync(app, db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == created.Id && d.Kind == DeadlineKinds.Response));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains($"We will reply by {CalendarText.FullDate(response.DueOn)}.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("15 working days", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Childs_complaint_is_not_found_for_the_complaints_team_and_open_to_the_childrens_complaints_manager()
    {
        var result = await SubmitAsync(Audience.Child);
        var (officer, _) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        var (manager, _) = await StaffClient.SignInAsync(app, "Sasha Whitfield", Roles.ChildrensComplaintsManager);

        using var forOfficer = await officer.GetAsync(new Uri($"/staff/cases/{result.CaseId}", UriKind.Relative));
        using var forManager = await manager.GetAsync(new Uri($"/staff/cases/{result.CaseId}", UriKind.Relative));
        var queue = await manager.GetStringAsync(new Uri("/staff/queues/children", UriKind.Relative));
        var newQueue = await officer.GetStringAsync(new Uri("/staff/queues/new", UriKind.Relative));
        var page = await forManager.Content.ReadAsStringAsync();

        // Outside someone's reach a case is "not found", so a guessed address does not even confirm it exists.
        Assert.Equal(HttpStatusCode.NotFound, forOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forManager.StatusCode);
        Assert.Contains("Record the conversation with the child", page, StringComparison.Ordinal);
        Assert.Contains("Write the acknowledgement letter", page, StringComparison.Ordinal);
        Assert.Contains(result.Reference, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Reference, newQueue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_page_offers_only_the_steps_this_person_may_take()
    {
        var result = await SubmitAsync(Audience.Adult);
        var (officer, officerId) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        var area = await StaffClient.PlaceInNewAreaAsync(app, result.CaseId);
        var (board, _) = await StaffClient.SignInAsync(app, "Pat Board", area, Roles.ServiceManager);
        await SendAcknowledgementAsync(result.CaseId, officerId, "Morgan Ellis", Roles.ComplaintsTeam);

        var forOfficer = await officer.GetStringAsync(new Uri($"/staff/cases/{result.CaseId}", UriKind.Relative));
        var forServiceManager = await board.GetStringAsync(new Uri($"/staff/cases/{result.CaseId}", UriKind.Relative));

        Assert.Contains("name=\"Steps[redirect-to-court].Reason\"", forOfficer, StringComparison.Ordinal);
        Assert.Contains("action=\"/staff/cases/" + result.CaseId + "?handler=Step&amp;step=accept\"", forOfficer, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Step", forServiceManager, StringComparison.Ordinal);
        Assert.Contains("There is no step you can take while the complaint is acknowledged.", forServiceManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_posted_by_a_role_that_may_not_take_it_is_refused_with_the_reason_and_changes_nothing()
    {
        var result = await SubmitAsync(Audience.Adult);
        var (_, officerId) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        var area = await StaffClient.PlaceInNewAreaAsync(app, result.CaseId);
        var (manager, _) = await StaffClient.SignInAsync(app, "Pat Service", area, Roles.ServiceManager);
        await SendAcknowledgementAsync(result.CaseId, officerId, "Morgan Ellis", Roles.ComplaintsTeam);
        var version = await StaffClient.VersionAsync(app, result.CaseId);

        using var response = await StaffClient.PostFormAsync(manager, $"/staff/cases/{result.CaseId}", $"/staff/cases/{result.CaseId}?handler=Step&step=accept",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Under the Adults' complaints policy (2023) only the complaints and correspondence team can do \u201CAccept\u201D.</li>", html, StringComparison.Ordinal);
        Assert.Equal(version, await StaffClient.VersionAsync(app, result.CaseId));
    }

    [Fact]
    public async Task Form_shown_before_someone_else_changed_the_case_is_refused_with_a_message_and_keeps_what_was_typed()
    {
        var result = await SubmitAsync(Audience.Adult);
        var (officer, officerId) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        await SendAcknowledgementAsync(result.CaseId, officerId, "Morgan Ellis", Roles.ComplaintsTeam);
        var seen = await StaffClient.VersionAsync(app, result.CaseId);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ComplaintProcedure>().ApplyAsync(result.CaseId, seen, "accept", Heard.Domain.Procedure.TransitionInput.None,
                new StaffMember(officerId, "Morgan Ellis", [Roles.ComplaintsTeam]));
        }

        using var response = await StaffClient.PostFormAsync(officer, $"/staff/cases/{result.CaseId}", $"/staff/cases/{result.CaseId}?handler=Step&step=withdraw",
            new Dictionary<string, string> { ["Version"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Steps[withdraw].Reason"] = "She phoned to withdraw" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this case while you were working on it, so your change was not saved.", html, StringComparison.Ordinal);
        Assert.Contains(">She phoned to withdraw</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("accepted", (await StaffClient.DbAsync(app, db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == result.CaseId))).State);
    }

    [Fact]
    public async Task Discretion_without_a_criterion_is_refused_with_the_field_named_and_linked()
    {
        Guid caseId;
        using (var scope = app.Services.CreateScope())
        {
            var submission = new ComplaintSubmission
            {
                FullName = "Late Complainant", Role = ComplainantRole.Parent, Email = "late@example.com", Issues = ["The report was wrong."], OutcomeWanted = "An apology",
                InvolvementEndedOn = UkTime.Today(TimeProvider.System).AddMonths(-7),
            };
            caseId = (await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(submission, Channel.Web, Actor.Public, Guid.NewGuid().ToString("N"))).CaseId;
        }

        var (officer, officerId) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        await SendAcknowledgementAsync(caseId, officerId, "Morgan Ellis", Roles.ComplaintsTeam);
        var version = await StaffClient.VersionAsync(app, caseId);

        using var response = await StaffClient.PostFormAsync(officer, $"/staff/cases/{caseId}", $"/staff/cases/{caseId}?handler=Step&step=accept-by-discretion",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Steps[accept-by-discretion].Reason"] = "In hospital for months" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#Steps_accept-by-discretion__Criterion\">Select the criterion the discretion decision is made against</a>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"govuk-details\" open=\"open\">", html, StringComparison.Ordinal);
        Assert.Equal(version, await StaffClient.VersionAsync(app, caseId));
    }

    [Fact]
    public async Task Procedures_are_administered_by_administrators_only()
    {
        var (officer, _) = await StaffClient.SignInAsync(app, "Morgan Ellis", Roles.ComplaintsTeam);
        var (admin, _) = await StaffClient.SignInAsync(app, "Chris Mensah", Roles.Administrator);

        using var forOfficer = await officer.GetAsync(new Uri("/staff/admin/policies", UriKind.Relative));
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/staff/admin/policies", UriKind.Relative)));
        var one = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/staff/admin/policies/procedure-2013@1", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, forOfficer.StatusCode);
        Assert.Contains("Children's complaints policy (2023)", list, StringComparison.Ordinal);
        Assert.Contains("1 April 2013", list, StringComparison.Ordinal);
        Assert.Contains("6 calendar months from the end of the service's involvement", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_procedure_version_with_a_mistake_comes_back_with_the_problem_and_the_definition_as_typed()
    {
        var (admin, _) = await StaffClient.SignInAsync(app, "Chris Mensah", Roles.Administrator);

        using var response = await StaffClient.PostFormAsync(admin, "/staff/admin/policies/new?from=adult-2023@1", "/staff/admin/policies/new",
            new Dictionary<string, string> { ["Reason"] = "Testing", ["Definition"] = "{ \"code\": \"adult-2023\", \"name\": \"Broken\" }" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("states: A policy needs its states.", html, StringComparison.Ordinal);
        Assert.Contains("&quot;name&quot;: &quot;Broken&quot;", html, StringComparison.Ordinal);
        Assert.Equal(4, await StaffClient.DbAsync(app, db => db.PolicyVersions.CountAsync()));
    }
}
