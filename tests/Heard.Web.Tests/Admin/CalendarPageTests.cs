using System.Net;
using System.Net.Http.Headers;
using Heard.Application.Identity;
using Heard.Testing;

namespace Heard.Web.Tests.Admin;

/// <summary>The administrator's calendar page: a year's holidays, changes with their history, imports all or nothing.</summary>
public sealed class CalendarPageTests(HeardAppFactory app) : IClassFixture<HeardAppFactory>
{
    private Task<HttpClient> SignedInAsync(string role) => StaffClients.SignedInAsync(app, role, name: "Chris Admin");

    [Fact]
    public async Task The_page_lists_a_years_bank_holidays_including_moved_ones()
    {
        using var admin = await SignedInAsync(Roles.Administrator);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/staff/admin/calendar?year=2012", UriKind.Relative)));

        Assert.Contains("Monday 4 June 2012", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday 5 June 2012", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Monday 28 May 2012", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_a_closure_day_and_it_appears_with_who_changed_it()
    {
        using var admin = await SignedInAsync(Roles.Administrator);
        var token = await Forms.TokenForAsync(admin, "/staff/admin/calendar");

        using var response = await Forms.PostAsync(admin, "/staff/admin/calendar?handler=Change",
        [
            new("Date.Day", "29"), new("Date.Month", "12"), new("Date.Year", "2031"), new("Kind", "Closure"),
            new("Name", "Winter closure"), new("Reason", "Agreed by the board to close between Christmas and New Year"),
        ], token);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(response.Headers.Location!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Calendar changed.", page, StringComparison.Ordinal);
        Assert.Contains("Monday 29 December 2031", page, StringComparison.Ordinal);
        Assert.Contains("Closed: Winter closure", page, StringComparison.Ordinal);
        Assert.Contains("Chris Admin", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_without_a_reason_or_that_changes_nothing_is_refused_with_a_message()
    {
        using var admin = await SignedInAsync(Roles.Administrator);
        var token = await Forms.TokenForAsync(admin, "/staff/admin/calendar");

        using var noReason = await Forms.PostAsync(admin, "/staff/admin/calendar?handler=Change",
            [new("Date.Day", "3"), new("Date.Month", "6"), new("Date.Year", "2030"), new("Kind", "Closure"), new("Name", "Away day")], token);
        using var alreadyHoliday = await Forms.PostAsync(admin, "/staff/admin/calendar?handler=Change",
            [new("Date.Day", "4"), new("Date.Month", "6"), new("Date.Year", "2030"), new("Kind", "WorkingDay"), new("Reason", "Just in case")], token);

        var first = await noReason.Content.ReadAsStringAsync();
        var second = await alreadyHoliday.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter the reason for the change", first, StringComparison.Ordinal);
        Assert.Contains("value=\"Away day\"", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alreadyHoliday.StatusCode);
        Assert.Contains("There is a problem", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_bank_holidays_json_is_refused_and_nothing_changes()
    {
        using var admin = await SignedInAsync(Roles.Administrator);
        var token = await Forms.TokenForAsync(admin, "/staff/admin/calendar");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent("this is not json"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", "bank-holidays.json");
        form.Add(new StringContent(token), Forms.TokenField);

        using var response = await admin.PostAsync(new Uri("/staff/admin/calendar?handler=Import", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file was not imported: nothing has changed.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_can_open_the_calendar()
    {
        using var officer = await SignedInAsync(Roles.ComplaintsTeam);

        using var response = await officer.GetAsync(new Uri("/staff/admin/calendar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
