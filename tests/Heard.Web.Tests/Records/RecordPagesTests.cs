using System.Net;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Feedback;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Records;

public sealed class RecordPagesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Communications = $"communications@{DemoData.EmailDomain}";
    private const string InformationRights = $"information.rights@{DemoData.EmailDomain}";
    private const string ComplaintsTeam = $"complaints@{DemoData.EmailDomain}";

    private async Task<T> WithDbAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<IntakeResult> NewComplaintAsync(string email) => WithDbAsync(s => s.GetRequiredService<ComplaintIntake>().SubmitAsync(new ComplaintSubmission
    {
        FullName = "Dana Whitfield",
        Role = ComplainantRole.Parent,
        Email = email,
        Issues = ["Nobody told me when the report would be ready."],
        OutcomeWanted = "An explanation.",
    }, Channel.Web, Actor.Public, Guid.NewGuid().ToString("N")));

    private static async Task<Guid> LogMpEnquiryAsync(HttpClient client, string relatedReference, bool consent)
    {
        var fields = new Dictionary<string, string>
        {
            ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["ReceivedBy"] = "Letter",
            ["ReceivedOn.Day"] = "", ["ReceivedOn.Month"] = "", ["ReceivedOn.Year"] = "",
            ["Enquiry.MpName"] = "Jane Whitmore MP",
            ["Enquiry.ConstituentName"] = "Dana Whitfield",
            ["Enquiry.RelatedReference"] = relatedReference.ToLowerInvariant(),
            ["Enquiry.Enquiry"] = "My constituent asks when the report will be filed.",
        };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        fields["ReceivedOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["ReceivedOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["ReceivedOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (consent)
        {
            fields["ConsentOn.Day"] = fields["ReceivedOn.Day"];
            fields["ConsentOn.Month"] = fields["ReceivedOn.Month"];
            fields["ConsentOn.Year"] = fields["ReceivedOn.Year"];
            fields["ConsentHow"] = nameof(ConsentEvidence.SignedConsentFromMp);
        }

        using var response = await StaffClient.PostFormAsync(client, "/staff/mp-enquiries/log", "/staff/mp-enquiries/log", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/staff/cases/".Length..]);
    }

    [Fact]
    public async Task Mp_enquiry_about_an_open_complaint_is_linked_and_shown_on_the_complaint()
    {
        var complaint = await NewComplaintAsync("dana.whitfield@example.com");
        using var client = await StaffClient.SignedInAsync(app, Communications);

        var enquiryId = await LogMpEnquiryAsync(client, complaint.Reference, consent: true);
        // The complaint is the complaints team's to open; the communications team sees its own enquiry.
        using var complaintsTeam = await StaffClient.SignedInAsync(app, ComplaintsTeam);
        var complaintPage = await complaintsTeam.GetStringAsync(new Uri($"/staff/cases/{complaint.CaseId}", UriKind.Relative));

        var reference = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Cases.Where(c => c.Id == enquiryId).Select(c => c.Reference).FirstAsync());
        Assert.Contains("Linked records", complaintPage, StringComparison.Ordinal);
        Assert.Contains(reference, complaintPage, StringComparison.Ordinal);
        Assert.Contains("From Jane Whitmore MP", complaintPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_to_an_mp_without_the_constituents_consent_is_refused_with_the_reason()
    {
        var complaint = await NewComplaintAsync("dana.w2@example.com");
        using var client = await StaffClient.SignedInAsync(app, Communications);
        var enquiryId = await LogMpEnquiryAsync(client, complaint.Reference, consent: false);
        var version = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Cases.Where(c => c.Id == enquiryId).Select(c => c.Version).FirstAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var response = await StaffClient.PostFormAsync(client, $"/staff/mp-enquiries/{enquiryId}", $"/staff/mp-enquiries/{enquiryId}?handler=Response", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SentOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SentOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SentOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = await response.Content.ReadAsStringAsync();

        var sent = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().MpEnquiries.Where(m => m.CaseId == enquiryId).Select(m => m.ResponseSentOn).FirstAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("The constituent&#x27;s consent is not recorded. Nothing about them can be sent to the MP until it is", page, StringComparison.Ordinal);
        Assert.Null(sent);
    }

    [Fact]
    public async Task Mp_page_offers_the_drafted_response_letter_and_a_refused_send_keeps_what_was_written()
    {
        var complaint = await NewComplaintAsync("dana.w3@example.com");
        using var client = await StaffClient.SignedInAsync(app, Communications);
        var enquiryId = await LogMpEnquiryAsync(client, complaint.Reference, consent: true);
        var version = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Cases.Where(c => c.Id == enquiryId).Select(c => c.Version).FirstAsync());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/staff/mp-enquiries/{enquiryId}", UriKind.Relative)));
        using var response = await StaffClient.PostFormAsync(client, $"/staff/mp-enquiries/{enquiryId}", $"/staff/mp-enquiries/{enquiryId}?handler=Letter", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LetterSubject"] = "Your enquiry",
            ["LetterBody"] = "Dear Jane Whitmore MP\n\nThe report will be filed next week.",
        });
        var refused = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Dear Jane Whitmore MP", page, StringComparison.Ordinal);
        Assert.Contains("[[ResponseText: not known]]", page, StringComparison.Ordinal);
        Assert.Contains("Send the response letter", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Add the MP's email address or postal address to the enquiry before sending", refused, StringComparison.Ordinal);
        Assert.Contains("The report will be filed next week.", refused, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AnyAsync(l => l.CaseId == enquiryId)));
    }

    [Theory]
    [InlineData(Communications, "/staff/queues/mp-enquiries", HttpStatusCode.OK)]
    [InlineData(InformationRights, "/staff/queues/mp-enquiries", HttpStatusCode.Redirect)]
    [InlineData(InformationRights, "/staff/queues/subject-access", HttpStatusCode.OK)]
    [InlineData(Communications, "/staff/queues/subject-access", HttpStatusCode.Redirect)]
    [InlineData(ComplaintsTeam, "/staff/queues/compliments", HttpStatusCode.OK)]
    [InlineData(ComplaintsTeam, "/staff/queues/ombudsman", HttpStatusCode.OK)]
    [InlineData(Communications, "/staff/queues/ombudsman", HttpStatusCode.Redirect)]
    public async Task Team_queues_open_only_for_their_team(string account, string queue, HttpStatusCode expected)
    {
        using var client = await StaffClient.SignedInAsync(app, account);

        using var response = await client.GetAsync(new Uri(queue, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/staff/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("id=\"count-overdue\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ZZZZZZZZ")]
    [InlineData("not-a-tag-<script>")]
    public async Task Feedback_with_an_unknown_or_tampered_tag_is_kept_untagged(string tag)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var key = Guid.NewGuid().ToString("N");

        using var page = await client.GetAsync(new Uri($"/feedback/{Uri.EscapeDataString(tag)}", UriKind.Relative));
        using var response = await StaffClient.PostFormAsync(client, "/feedback?for=adults", $"/feedback/{Uri.EscapeDataString(tag)}", new()
        {
            ["Form.SubmissionKey"] = key,
            ["Form.SurveyCode"] = SurveyCatalogue.Adult,
            ["Form.Tag"] = tag,
            ["Form.Scores[overall]"] = "4",
            ["Form.Texts[went-well]"] = "Listened to me.",
        });

        var stored = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().FeedbackResponses.AsNoTracking().FirstAsync(r => r.IdempotencyKey == $"web:{key}"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/feedback/sent", response.Headers.Location!.OriginalString);
        Assert.Null(stored.LinkCode);
        Assert.Null(stored.ServiceAreaId);
        Assert.Equal(FeedbackSource.Web, stored.Source);
        Assert.Equal(4, stored.Score);
    }

    [Fact]
    public async Task Short_link_goes_to_the_survey_with_its_tag_and_nonsense_goes_to_the_plain_survey()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var good = await client.GetAsync(new Uri("/f/d0000001", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/f/%27%3E%3Cscript%3E", UriKind.Relative));

        Assert.Equal("/feedback/D0000001", good.Headers.Location!.OriginalString);
        Assert.Equal("/feedback", bad.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Feedback_link_qr_code_downloads_as_png_and_svg()
    {
        using var client = await StaffClient.SignedInAsync(app, ComplaintsTeam);
        var code = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().FeedbackLinks.Select(l => l.Code).FirstAsync());

        using var png = await client.GetAsync(new Uri($"/staff/feedback/links?handler=Png&code={code}", UriKind.Relative));
        using var svg = await client.GetAsync(new Uri($"/staff/feedback/links?handler=Svg&code={code}", UriKind.Relative));
        var pngBytes = await png.Content.ReadAsByteArrayAsync();
        var svgText = await svg.Content.ReadAsStringAsync();

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, pngBytes[..4]);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", svgText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compliment_from_the_public_form_is_saved_and_waits_to_be_passed_on()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var key = Guid.NewGuid().ToString("N");

        using var response = await StaffClient.PostFormAsync(client, "/compliment", "/compliment", new()
        {
            ["Form.SubmissionKey"] = key,
            ["Form.Text"] = "Thank you for listening to my daughter.",
            ["Form.StaffName"] = "Amira",
            ["Form.Role"] = "Parent",
        });

        var saved = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Cases.AsNoTracking().FirstAsync(c => c.IdempotencyKey == $"web:{key}"));
        Assert.Equal("/compliment/sent", response.Headers.Location!.OriginalString);
        Assert.Equal(CaseType.Compliment, saved.Type);
        Assert.Equal(RecordStates.ComplimentReceived, saved.State);
    }

    [Fact]
    public async Task Public_compliment_without_words_shows_the_error_and_keeps_what_was_typed()
    {
        using var client = app.CreateClient();

        using var response = await StaffClient.PostFormAsync(client, "/compliment", "/compliment", new()
        {
            ["Form.SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["Form.StaffName"] = "Amira from the Bolton team",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#Form_Text\">Enter your compliment</a>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Amira from the Bolton team\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sar_extension_after_the_first_month_is_refused_on_the_page_with_the_date_it_was_due()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var received = today.AddDays(-70);
        var sar = await WithDbAsync(s => s.GetRequiredService<Heard.Application.SubjectAccess.SarIntake>().SubmitAsync(new Heard.Application.SubjectAccess.SarSubmission
        {
            RequesterName = "Priya Patel", RequesterEmail = "priya.p@example.com", Relationship = SubjectRelationship.Self, RequestDetails = "Everything.",
            IdentityConfirmedOn = received, IdentityEvidence = "Passport",
        }, Channel.Email, Actor.System, Guid.NewGuid().ToString("N"), received));
        var version = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().Cases.Where(c => c.Id == sar.CaseId).Select(c => c.Version).FirstAsync());
        using var client = await StaffClient.SignedInAsync(app, InformationRights);

        using var response = await StaffClient.PostFormAsync(client, $"/staff/subject-access/{sar.CaseId}", $"/staff/subject-access/{sar.CaseId}?handler=Extend", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ToldOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ToldOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ToldOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reasons"] = "Several court cases to redact",
        });
        var page = await response.Content.ReadAsStringAsync();

        var extensions = await WithDbAsync(s => s.GetRequiredService<HeardDbContext>().CaseDeadlines.AsNoTracking().Where(d => d.CaseId == sar.CaseId).Select(d => d.Extensions.Count).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#ToldOn\">Too late to extend: the requester must be told within the first month", page, StringComparison.Ordinal);
        Assert.Contains(">Several court cases to redact</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(0, extensions);
    }
}
