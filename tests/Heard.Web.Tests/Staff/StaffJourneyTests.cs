using System.Net;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Staff;

/// <summary>Sign-in, the new complaints queue, the case page and logging a complaint received by phone.</summary>
public sealed class StaffJourneyTests(HeardAppFactory app) : IClassFixture<HeardAppFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<HttpClient> SignedInAsync(string role) => StaffClients.SignedInAsync(app, role);

    [Fact]
    public async Task Staff_pages_ask_an_anonymous_visitor_to_sign_in()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/staff/queues/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var user = await StaffAccounts.CreateAsync(app.Services, Roles.ComplaintsTeam);
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/staff/sign-in");

        using var response = await Forms.PostAsync(client, "/staff/sign-in", [new("Email", user.Email!), new("Password", "not-the-password")], token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var user = await StaffAccounts.CreateAsync(app.Services, Roles.ComplaintsTeam);
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/staff/sign-in");
        for (var i = 0; i < IdentitySetup.MaxFailedAttempts; i++)
        {
            using var failed = await Forms.PostAsync(client, "/staff/sign-in", [new("Email", user.Email!), new("Password", "wrong-" + i)], token);
        }

        using var response = await Forms.PostAsync(client, "/staff/sign-in", [new("Email", user.Email!), new("Password", StaffAccounts.Password)], token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_from_the_public_form_is_in_the_new_complaints_queue_at_once_and_its_page_shows_its_history()
    {
        using var publicClient = Client();
        var token = await Forms.TokenForAsync(publicClient, "/complain");
        var key = Guid.NewGuid().ToString("N");
        using (await Forms.PostAsync(publicClient, "/complain?handler=Send",
            [
                new("Form.SubmissionKey", key), new("Form.FullName", "Priya Shah"), new("Form.Role", "Parent"),
                new("Form.Email", "priya@example.com"), new("Form.Issues[0]", "My daughter was not seen before the report."),
                new("Form.OutcomeWanted", "An explanation."),
            ], token))
        {
        }

        var (id, reference) = await CaseWithKeyAsync("web:" + key);
        using var staff = await SignedInAsync(Roles.ComplaintsTeam);

        var queue = await staff.GetStringAsync(new Uri("/staff/queues/new", UriKind.Relative));
        var casePage = await staff.GetStringAsync(new Uri($"/staff/cases/{id}", UriKind.Relative));

        Assert.Contains(reference, queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/cases/{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", casePage, StringComparison.Ordinal);
        Assert.Contains("My daughter was not seen before the report.", casePage, StringComparison.Ordinal);
        Assert.Contains("Received by online form", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_can_log_a_complaint_received_by_phone_on_the_complainants_behalf()
    {
        using var staff = await SignedInAsync(Roles.ComplaintsTeam);
        var token = await Forms.TokenForAsync(staff, "/staff/cases/log");
        var key = Guid.NewGuid().ToString("N");

        using var response = await Forms.PostAsync(staff, "/staff/cases/log",
        [
            new("Form.SubmissionKey", key), new("ReceivedBy", "Phone"), new("From", "Adult"),
            new("ReceivedOn.Day", "2"), new("ReceivedOn.Month", "11"), new("ReceivedOn.Year", "2026"),
            new("Form.FullName", "Ola Nowak"), new("Form.Role", "Carer"), new("Form.Phone", "0161 496 0000"),
            new("Form.Issues[0]", "Said on the phone: nobody told her the case had closed."), new("Form.OutcomeWanted", "To be kept informed."),
        ], token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var logged = await db.Cases.AsNoTracking().SingleAsync(c => c.IdempotencyKey == "staff:" + key);
        Assert.Equal(Channel.Phone, logged.Channel);
        Assert.Equal(new DateOnly(2026, 11, 2), logged.ReceivedOn);
        var received = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == logged.Id && e.Kind == "received");
        Assert.Equal("Received by phone", received.Summary);
        Assert.Equal(Roles.ComplaintsTeam, received.ActorRole);
        Assert.Equal($"/staff/cases/{logged.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_logged_complaint_without_how_or_when_it_came_is_refused_with_both_fields_named()
    {
        using var staff = await SignedInAsync(Roles.ComplaintsTeam);
        var token = await Forms.TokenForAsync(staff, "/staff/cases/log");

        using var response = await Forms.PostAsync(staff, "/staff/cases/log",
        [
            new("Form.SubmissionKey", Guid.NewGuid().ToString("N")), new("ReceivedOn.Day", "31"), new("ReceivedOn.Month", "2"), new("ReceivedOn.Year", "2026"),
            new("Form.FullName", "Ola Nowak"), new("Form.Role", "Carer"), new("Form.Phone", "0161 496 0000"),
            new("Form.Issues[0]", "Something went wrong."), new("Form.OutcomeWanted", "To be told."),
        ], token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#ReceivedBy\"", html, StringComparison.Ordinal);
        Assert.Contains("The date it was received must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ola Nowak\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_reader_cannot_open_the_complaints_queue()
    {
        using var board = await SignedInAsync(Roles.BoardReader);

        using var response = await board.GetAsync(new Uri("/staff/queues/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var staff = await SignedInAsync(Roles.ComplaintsTeam);
        var token = await Forms.TokenForAsync(staff, "/staff");

        using var signOut = await Forms.PostAsync(staff, "/staff/sign-out", [], token);
        using var after = await staff.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/sign-in", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<(Guid Id, string Reference)> CaseWithKeyAsync(string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var found = await db.Cases.AsNoTracking().Where(c => c.IdempotencyKey == key).Select(c => new { c.Id, c.Reference }).SingleAsync();
        return (found.Id, found.Reference);
    }
}
