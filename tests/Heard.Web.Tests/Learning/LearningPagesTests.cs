using System.Net;
using Heard.Application.Data;
using Heard.Application.Learning;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Learning;

/// <summary>The app in memory with the workspace world, its area A adult complaint closed with a learning point.</summary>
public sealed class LearningApp : HeardAppFactory
{
    public WorkspaceWorld World { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Settings["Heard:DemoData:Enabled"] = "false";
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        World = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
        await LearningWorld.PrepareAsync(db, World);
    }
}

// Who may reach the learning pages, what board readers never see, and the action form over HTTP.
public sealed class LearningPagesTests(LearningApp app) : IClassFixture<LearningApp>
{
    private static string Login(string name) => $"{name}@{WorkspaceWorld.EmailDomain}";

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == "/staff/access-denied";

    [Theory]
    [InlineData("board", true)]
    [InlineData("complaints", true)]
    [InlineData("children", true)]
    [InlineData("hop.a", true)]
    [InlineData("sm.a", true)]
    [InlineData("communications", false)]
    [InlineData("information.rights", false)]
    [InlineData("admin", false)]
    public async Task The_learning_panel_and_childrens_review_are_for_report_readers_only(string login, bool allowed)
    {
        using var client = await StaffSession.SignInAsync(app, Login(login));

        using var panel = await client.GetAsync(new Uri("/staff/learning", UriKind.Relative));
        using var review = await client.GetAsync(new Uri("/staff/learning/childrens-review?year=2025", UriKind.Relative));

        Assert.Equal(allowed, panel.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, Denied(panel));
        Assert.Equal(allowed, review.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, Denied(review));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("complaints", false)]
    [InlineData("board", false)]
    public async Task Only_administrators_manage_themes(string login, bool allowed)
    {
        using var client = await StaffSession.SignInAsync(app, Login(login));

        using var response = await client.GetAsync(new Uri("/staff/admin/themes", UriKind.Relative));

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, Denied(response));
    }

    [Fact]
    public async Task A_board_reader_sees_the_learning_but_no_case_reference_or_name_and_cannot_open_an_action_form()
    {
        using var board = await StaffSession.SignInAsync(app, Login("board"));
        var target = app.World.AdultComplaintA;

        var panel = await board.GetStringAsync(new Uri("/staff/learning?year=2025", UriKind.Relative));
        var review = await board.GetStringAsync(new Uri("/staff/learning/childrens-review?year=2025", UriKind.Relative));
        using var form = await board.GetAsync(new Uri($"/staff/cases/{target.Id}/learning-actions/add", UriKind.Relative));

        Assert.Contains(LearningWorld.LearningPointText, panel, StringComparison.Ordinal);
        Assert.Contains("Not listened to", panel, StringComparison.Ordinal);
        foreach (var secret in new[] { target.Reference, "Priya Quartermain", app.World.ComplaintsOfficer.DisplayName, app.World.ChildComplaintA.Reference, "Tilly Marchbank" })
        {
            Assert.DoesNotContain(secret, panel, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, review, StringComparison.Ordinal);
        }

        Assert.True(Denied(form));
    }

    [Fact]
    public async Task A_year_that_is_not_a_financial_year_is_refused_with_a_message()
    {
        using var board = await StaffSession.SignInAsync(app, Login("board"));

        var page = await board.GetStringAsync(new Uri("/staff/learning?year=1999", UriKind.Relative));

        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("Choose a financial year from 2010", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaints_officer_sets_an_action_which_cannot_be_closed_without_evidence_and_its_owner_sees_it()
    {
        using var officer = await StaffSession.SignInAsync(app, Login("complaints"));
        var target = app.World.AdultComplaintA;
        var addPage = $"/staff/cases/{target.Id}/learning-actions/add";
        var version = await VersionAsync(target.Id);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

        using var missing = await StaffSession.PostFormAsync(officer, addPage, addPage, new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Description"] = "Discuss in supervision" });
        var missingBody = await missing.Content.ReadAsStringAsync();
        using var added = await StaffSession.PostFormAsync(officer, addPage, addPage, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Description"] = "Discuss recording children's views in supervision",
            ["OwnerId"] = app.World.ServiceManagerA.Id.ToString(),
            ["DueOn.Day"] = due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueOn.Month"] = due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueOn.Year"] = due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Level"] = "Practitioner",
            ["ThemeCode"] = "not-listened-to",
        });
        var action = await ActionAsync(target.Id);
        var closePage = $"/staff/cases/{target.Id}/learning-actions/{action.Id}";
        using var noEvidence = await StaffSession.PostFormAsync(officer, closePage, closePage + "?handler=Done", new Dictionary<string, string> { ["Version"] = (await VersionAsync(target.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Evidence"] = "" });
        var noEvidenceBody = await noEvidence.Content.ReadAsStringAsync();
        using var owner = await StaffSession.SignInAsync(app, Login("sm.a"));
        var mine = await owner.GetStringAsync(new Uri("/staff/learning/mine", UriKind.Relative));
        var ownersPage = await owner.GetStringAsync(new Uri(closePage, UriKind.Relative));
        var officersPage = await officer.GetStringAsync(new Uri(closePage, UriKind.Relative));
        var later = due.AddDays(14);
        using var noReason = await StaffSession.PostFormAsync(officer, closePage, closePage + "?handler=Reschedule", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(target.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewOwnerId"] = app.World.ServiceManagerA.Id.ToString(),
            ["NewDueOn.Day"] = later.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewDueOn.Month"] = later.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewDueOn.Year"] = later.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var noReasonBody = await noReason.Content.ReadAsStringAsync();
        using var moved = await StaffSession.PostFormAsync(officer, closePage, closePage + "?handler=Reschedule", new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(target.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewOwnerId"] = app.World.ServiceManagerA.Id.ToString(),
            ["NewDueOn.Day"] = later.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewDueOn.Month"] = later.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewDueOn.Year"] = later.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChangeReason"] = "The team meeting moved to the following month.",
        });

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Select who will do it", missingBody, StringComparison.Ordinal);
        Assert.Contains("Discuss in supervision", missingBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal((LearningActionStatus.Open, app.World.ServiceManagerA.Id), (action.Status, action.OwnerId));
        Assert.Contains("Enter the evidence that the action was done", noEvidenceBody, StringComparison.Ordinal);
        Assert.Equal(LearningActionStatus.Open, (await ActionAsync(target.Id)).Status);
        Assert.Contains("Discuss recording children&#x27;s views in supervision", mine, StringComparison.Ordinal);
        Assert.Contains("Mark as done", ownersPage, StringComparison.Ordinal);
        Assert.Contains("Give it to someone else or change the due date", officersPage, StringComparison.Ordinal);
        Assert.Contains("Enter why the action is changed", noReasonBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(later, (await ActionAsync(target.Id)).DueOn);
    }

    [Fact]
    public async Task The_childrens_review_tables_download_as_csv()
    {
        using var manager = await StaffSession.SignInAsync(app, Login("children"));

        using var response = await manager.GetAsync(new Uri("/staff/learning/childrens-review?handler=Csv&year=2025&table=outcomes", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Outcome,2025\u201326,Year before\r\nUpheld,0,0\r\n", body.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("All received,1,0", body, StringComparison.Ordinal);
    }

    private async Task<int> VersionAsync(Guid caseId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HeardDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
    }

    private async Task<LearningAction> ActionAsync(Guid caseId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HeardDbContext>().LearningActions.AsNoTracking().SingleAsync(a => a.CaseId == caseId);
    }
}
