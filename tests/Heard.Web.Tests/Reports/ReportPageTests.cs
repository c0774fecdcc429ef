using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Heard.Testing;
using Heard.Web.Tests.Workspace;

namespace Heard.Web.Tests.Reports;

// The report pages over HTTP on the workspace world (one case of each type received on 2 March 2026).
public sealed class ReportPageTests(WorkspaceApp app) : IClassFixture<WorkspaceApp>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private Task<HttpClient> SignInAsync(string login) => StaffSession.SignInAsync(app, $"{login}@{WorkspaceWorld.EmailDomain}");

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_quarter_chosen_on_the_reports_page_opens_the_report_for_its_dates()
    {
        using var client = await SignInAsync("complaints");

        using var response = await client.GetAsync(new Uri("/staff/reports?Kind=quarter&QuarterYear=2025&Quarter=4", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/reports/board?from=2026-01-01&to=2026-03-31", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Custom_dates_ending_before_they_start_are_refused_in_the_error_summary_keeping_what_was_typed()
    {
        using var client = await SignInAsync("complaints");

        var (status, body) = await GetAsync(client, "/staff/reports?Kind=custom&From.Day=1&From.Month=4&From.Year=2024&To.Day=31&To.Month=3&To.Year=2024");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("govuk-error-summary", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#To\">The end date must be the same as or after the start date.</a>", body, StringComparison.Ordinal);
        Assert.Contains("name=\"From.Year\" type=\"text\" inputmode=\"numeric\" value=\"2024\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_of_more_than_five_years_is_refused_on_the_report_address_too()
    {
        using var client = await SignInAsync("board");

        var (status, body) = await GetAsync(client, "/staff/reports/board?from=2019-04-01&to=2024-04-01");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("A report can cover at most 5 years. Choose a shorter period.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_shows_volumes_rag_in_words_definitions_and_links_to_the_records()
    {
        using var client = await SignInAsync("board");

        var (status, body) = await GetAsync(client, $"/staff/reports/board?{March}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 March 2026 to 31 March 2026", body, StringComparison.Ordinal);
        Assert.Contains("/staff/reports/records?figure=adult-complaints&amp;from=2026-03-01&amp;to=2026-03-31", body, StringComparison.Ordinal);
        Assert.Contains("Green: 90% or more on time.", body, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", body, StringComparison.Ordinal);
        Assert.Contains("one-sided exact Poisson test", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintA.Reference, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_report_carries_the_learning_actions_and_the_suppressed_equality_tables()
    {
        using var client = await SignInAsync("board");

        var (status, body) = await GetAsync(client, $"/staff/reports/board?{March}");
        var text = WebUtility.HtmlDecode(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Learning actions from complaints", text, StringComparison.Ordinal);
        Assert.Contains("Open at the end of the period", text, StringComparison.Ordinal);
        Assert.Contains("Equality monitoring of complainants against the people served", text, StringComparison.Ordinal);
        // The world has one of each case and nobody answering: every count is a small number, shown suppressed.
        Assert.Contains("Complaints received: fewer than 5", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/staff/reports/equality?from=2026-03-01&to=2026-03-31", text, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintA.Person.FullName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_reader_following_a_figure_gets_its_definition_and_no_records()
    {
        using var client = await SignInAsync("board");

        var (status, body) = await GetAsync(client, $"/staff/reports/records?figure=adult-complaints&{March}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"figure-definition\"", body, StringComparison.Ordinal);
        Assert.Contains("The report shows counts only.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintA.Reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintB.Reference, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_manager_following_a_figure_sees_only_their_own_areas_records()
    {
        using var areaA = await SignInAsync("sm.a");
        using var areaB = await SignInAsync("sm.b");

        var (_, seenByA) = await GetAsync(areaA, $"/staff/reports/records?figure=adult-complaints&{March}");
        var (_, seenByB) = await GetAsync(areaB, $"/staff/reports/records?figure=adult-complaints&{March}");

        Assert.Contains(app.World.AdultComplaintA.Reference, seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintB.Reference, seenByA, StringComparison.Ordinal);
        Assert.Contains(app.World.AdultComplaintB.Reference, seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintA.Reference, seenByB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Childrens_complaints_behind_a_figure_are_listed_for_the_childrens_complaints_manager_only()
    {
        using var children = await SignInAsync("children");
        using var complaints = await SignInAsync("complaints");

        var (_, manager) = await GetAsync(children, $"/staff/reports/records?figure=child-complaints&{March}");
        var (_, team) = await GetAsync(complaints, $"/staff/reports/records?figure=child-complaints&{March}");

        Assert.Contains(app.World.ChildComplaintA.Reference, manager, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.ChildComplaintA.Reference, team, StringComparison.Ordinal);
        Assert.Contains("0 records you are allowed to see", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_that_does_not_read_reports_is_turned_away()
    {
        using var client = await SignInAsync("communications");

        using var response = await client.GetAsync(new Uri($"/staff/reports/board?{March}", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("denied", response.Headers.Location?.OriginalString ?? "denied", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_table_downloads_as_csv_and_every_table_as_a_spreadsheet()
    {
        using var client = await SignInAsync("board");

        using var csv = await client.GetAsync(new Uri($"/staff/reports/board?handler=Csv&table=volumes&{March}", UriKind.Relative));
        using var xlsx = await client.GetAsync(new Uri($"/staff/reports/board?handler=Xlsx&{March}", UriKind.Relative));

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Record type,", lines[0], StringComparison.Ordinal);
        Assert.Equal("Adult complaints,3,0,\u2013", lines[1]);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Contains("volumes", sheets);
        Assert.Contains("rates-by-area", sheets);
    }

    [Fact]
    public async Task The_board_paper_and_the_yearly_report_print_without_figure_links()
    {
        using var client = await SignInAsync("board");

        var (paperStatus, paper) = await GetAsync(client, $"/staff/reports/paper?{March}");
        var (yearStatus, year) = await GetAsync(client, "/staff/reports/yearly?year=2025");

        Assert.Equal(HttpStatusCode.OK, paperStatus);
        Assert.Contains("heard-paper-part", paper, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/reports/records?", paper, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, yearStatus);
        Assert.Contains("Annual report on complaints and correspondence 2025", year, StringComparison.Ordinal);
    }
}
