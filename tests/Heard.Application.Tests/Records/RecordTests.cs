using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.MpEnquiries;
using Heard.Application.Ombudsman;
using Heard.Application.Records;
using Heard.Application.SubjectAccess;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Tests.Records;

public sealed class RecordTests
{
    private static Task<IntakeResult> ComplaintAsync(RecordsHost host, string name = "Dana Whitfield", string email = "dana@example.com") =>
        host.RunAsync(s => s.Get<ComplaintIntake>().SubmitAsync(new ComplaintSubmission
        {
            FullName = name, Role = ComplainantRole.Parent, Email = email, Issues = ["The report was late."], OutcomeWanted = "An apology.",
        }, Channel.Web, Actor.Public, Guid.NewGuid().ToString("N")));

    private static Task<int> VersionAsync(RecordsHost host, Guid id) =>
        host.RunAsync(s => s.Db.Cases.Where(c => c.Id == id).Select(c => c.Version).FirstAsync());

    private static async Task<(HeardUser Staff, HeardUser Manager)> StaffAsync(RecordsHost host) =>
        await host.RunAsync(async s =>
        {
            var manager = new HeardUser { Id = Guid.CreateVersion7(), DisplayName = "Grace Hughes", UserName = "grace@heard.test", Email = "grace@heard.test" };
            var staff = new HeardUser { Id = Guid.CreateVersion7(), DisplayName = "Sam Patel", UserName = "sam@heard.test", Email = "sam@heard.test", ManagerId = manager.Id };
            s.Db.Users.AddRange(manager, staff);
            await s.Db.SaveChangesAsync();
            return (staff, manager);
        });

    [Fact]
    public async Task Passing_on_a_compliment_tells_the_member_of_staff_and_their_manager_in_heard_and_by_email()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var (staff, manager) = await StaffAsync(host);
        var compliment = await host.RunAsync(s => s.Get<ComplimentIntake>().SubmitAsync(
            new ComplimentSubmission { Text = "Sam listened to my son.", StaffName = "Sam", FullName = "Lee Morgan", Email = "lee@example.com", Role = ComplainantRole.Parent },
            Channel.Web, Actor.Public, "web:1"));

        await host.RunAsync(async s => await s.Get<ComplimentHandling>().DecideAsync(compliment.CaseId, await VersionAsync(host, compliment.CaseId),
            new ComplimentDecision(staff.Id, ["listened-to", "child-focused"], PassOn: true), RecordsHost.Officer));

        var (notifications, emails, @case, themes, deadline) = await host.RunAsync(async s => (
            await s.Db.Notifications.AsNoTracking().Where(n => n.CaseId == compliment.CaseId).ToListAsync(),
            await s.Db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == compliment.CaseId).ToListAsync(),
            await s.Db.Cases.AsNoTracking().FirstAsync(c => c.Id == compliment.CaseId),
            await s.Db.ComplimentThemes.AsNoTracking().Where(t => t.CaseId == compliment.CaseId).Select(t => t.ThemeCode).OrderBy(t => t).ToListAsync(),
            await s.Db.CaseDeadlines.AsNoTracking().FirstAsync(d => d.CaseId == compliment.CaseId)));
        Assert.Equal(new[] { manager.Id, staff.Id }.Order(), notifications.Select(n => n.UserId).Order());
        Assert.Equal(["grace@heard.test", "sam@heard.test"], emails.Select(e => e.ToAddress).Order());
        // The words go on; who wrote them does not.
        Assert.All(emails, e => Assert.Contains("Sam listened to my son.", e.BodyText, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.DoesNotContain("Lee Morgan", e.BodyText, StringComparison.Ordinal));
        Assert.Equal(RecordStates.PassedOn, @case.State);
        Assert.Equal(staff.Id, @case.PractitionerId);
        Assert.Equal(["child-focused", "listened-to"], themes);
        Assert.Equal(new DateOnly(2024, 3, 4), deadline.MetOn);
    }

    [Fact]
    public async Task A_compliment_cannot_be_passed_on_without_a_member_of_staff_or_a_theme()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var compliment = await host.RunAsync(s => s.Get<ComplimentIntake>().SubmitAsync(new ComplimentSubmission { Text = "Thank you." }, Channel.Web, Actor.Public, "web:2"));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await host.RunAsync(async s => await s.Get<ComplimentHandling>().DecideAsync(
            compliment.CaseId, await VersionAsync(host, compliment.CaseId), new ComplimentDecision(null, [], PassOn: true), RecordsHost.Officer)));

        Assert.Contains(refused.Errors, e => e.Field == "StaffMemberId");
        Assert.Contains(refused.Errors, e => e.Field == "ThemeCodes");
        Assert.Equal(0, await host.RunAsync(s => s.Db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Compliments_count_by_area_and_theme_like_complaints()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var (staff, _) = await StaffAsync(host);
        var area = await host.RunAsync(async s =>
        {
            var region = new Organisation.Region { Id = Guid.CreateVersion7(), Name = "North" };
            var a = new Organisation.ServiceArea { Id = Guid.CreateVersion7(), Code = "OSA03", Name = "Greater Manchester", RegionId = region.Id };
            s.Db.AddRange(region, a);
            (await s.Db.Users.FirstAsync(u => u.Id == staff.Id)).ServiceAreaId = a.Id;
            await s.Db.SaveChangesAsync();
            return a.Id;
        });
        foreach (var n in new[] { 1, 2, 3 })
        {
            var c = await host.RunAsync(s => s.Get<ComplimentIntake>().SubmitAsync(new ComplimentSubmission { Text = $"Thanks {n}", StaffMemberId = staff.Id }, Channel.Email, RecordsHost.Officer, $"k{n}"));
            await host.RunAsync(async s => await s.Get<ComplimentHandling>().DecideAsync(c.CaseId, await VersionAsync(host, c.CaseId),
                new ComplimentDecision(staff.Id, n == 3 ? ["reliable"] : ["listened-to"], PassOn: true), RecordsHost.Officer));
        }

        var byTheme = await host.RunAsync(s => s.Db.Cases
            .Where(c => c.Type == CaseType.Compliment && c.ServiceAreaId == area && c.ReceivedOn >= new DateOnly(2024, 1, 1) && c.ReceivedOn <= new DateOnly(2024, 3, 31))
            .Join(s.Db.ComplimentThemes, c => c.Id, t => t.CaseId, (c, t) => t.ThemeCode)
            .GroupBy(t => t).Select(g => new { Theme = g.Key, Count = g.Count() }).OrderBy(g => g.Theme).ToListAsync());

        Assert.Equal([("listened-to", 2), ("reliable", 1)], byTheme.Select(g => (g.Theme, g.Count)));
    }

    [Fact]
    public async Task Mp_enquiry_about_a_complaint_is_linked_both_ways_and_due_in_twenty_working_days()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var complaint = await ComplaintAsync(host);

        var enquiry = await host.RunAsync(s => s.Get<MpEnquiryIntake>().SubmitAsync(new MpEnquirySubmission
        {
            MpName = "Jane Whitmore MP", ConstituentName = "Dana Whitfield", Enquiry = "When will the report be filed?", RelatedReference = complaint.Reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal),
        }, Channel.Letter, RecordsHost.Officer, "mp:1"));

        var (onComplaint, onEnquiry, deadline) = await host.RunAsync(async s => (
            await s.Get<CaseLinks>().ForCaseAsync(complaint.CaseId),
            await s.Get<CaseLinks>().ForCaseAsync(enquiry.CaseId),
            await s.Db.CaseDeadlines.AsNoTracking().FirstAsync(d => d.CaseId == enquiry.CaseId)));
        Assert.Equal(enquiry.Reference, Assert.Single(onComplaint).Reference);
        Assert.Equal("From Jane Whitmore MP", onComplaint[0].Detail);
        Assert.Equal(complaint.Reference, Assert.Single(onEnquiry).Reference);
        Assert.Equal("working-days:20", deadline.Rule);
        Assert.Equal(new DateOnly(2024, 4, 3), deadline.DueOn); // skips Good Friday and Easter Monday 2024
    }

    [Fact]
    public async Task Nothing_goes_to_the_mp_until_consent_is_recorded()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var enquiry = await host.RunAsync(s => s.Get<MpEnquiryIntake>().SubmitAsync(new MpEnquirySubmission
        {
            MpName = "Jane Whitmore MP", ConstituentName = "Dana Whitfield", Enquiry = "When will the report be filed?",
        }, Channel.Letter, RecordsHost.Officer, "mp:2"));

        var why = await host.RunAsync(s => s.Get<MpEnquiryHandling>().WhyCannotSendAsync(enquiry.CaseId));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await host.RunAsync(async s => await s.Get<MpEnquiryHandling>()
            .RecordResponseSentAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), new DateOnly(2024, 3, 4), "Answered", RecordsHost.Officer)));
        await host.RunAsync(async s => await s.Get<MpEnquiryHandling>().RecordConsentAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), new DateOnly(2024, 3, 4), ConsentEvidence.MpConfirmedInWriting, null, RecordsHost.Officer));
        await host.RunAsync(async s => await s.Get<MpEnquiryHandling>().RecordResponseSentAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), new DateOnly(2024, 3, 4), "Answered", RecordsHost.Officer));

        var (mp, deadline) = await host.RunAsync(async s => (
            await s.Db.MpEnquiries.AsNoTracking().FirstAsync(m => m.CaseId == enquiry.CaseId),
            await s.Db.CaseDeadlines.AsNoTracking().FirstAsync(d => d.CaseId == enquiry.CaseId)));
        Assert.Contains("consent is not recorded", why, StringComparison.Ordinal);
        Assert.Contains(refused.Errors, e => e.Message == why);
        Assert.Equal(new DateOnly(2024, 3, 4), mp.ResponseSentOn);
        Assert.Equal(new DateOnly(2024, 3, 4), deadline.MetOn);
    }

    [Fact]
    public async Task The_response_letter_to_the_mp_is_drafted_from_the_template_emailed_through_the_outbox_and_closes_the_enquiry()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var enquiry = await host.RunAsync(s => s.Get<MpEnquiryIntake>().SubmitAsync(new MpEnquirySubmission
        {
            MpName = "Jane Whitmore MP", MpEmail = "jane.whitmore.mp@parliament.example", ConstituentName = "Dana Whitfield", Enquiry = "When will the report be filed?",
        }, Channel.Letter, RecordsHost.Officer, "mp:letter"));
        await host.RunAsync(async s => await s.Get<MpEnquiryHandling>().RecordConsentAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), new DateOnly(2024, 3, 4), ConsentEvidence.MpConfirmedInWriting, null, RecordsHost.Officer));
        var who = new Heard.Application.Procedure.StaffMember(RecordsHost.Officer.UserId!.Value, RecordsHost.Officer.Name, [Roles.Communications]);

        var (subject, body) = await host.RunAsync(s => s.Get<MpEnquiryHandling>().DraftResponseAsync(enquiry.CaseId, who));
        var unfinished = await Assert.ThrowsAsync<ValidationFailedException>(async () => await host.RunAsync(async s => await s.Get<MpEnquiryHandling>()
            .SendResponseLetterAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), subject, body, RecordsHost.Officer)));
        var finished = body.Replace("[[ResponseText: not known]]", "The report will be filed on 15 March.", StringComparison.Ordinal);
        var letterId = await host.RunAsync(async s => await s.Get<MpEnquiryHandling>()
            .SendResponseLetterAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), subject, finished, RecordsHost.Officer));

        var (mp, letter, email, @case) = await host.RunAsync(async s => (
            await s.Db.MpEnquiries.AsNoTracking().FirstAsync(m => m.CaseId == enquiry.CaseId),
            await s.Db.Letters.AsNoTracking().FirstAsync(l => l.Id == letterId),
            await s.Db.OutboxMessages.AsNoTracking().SingleAsync(m => m.LetterId == letterId),
            await s.Db.Cases.AsNoTracking().FirstAsync(c => c.Id == enquiry.CaseId)));
        Assert.StartsWith("Dear Jane Whitmore MP", body, StringComparison.Ordinal);
        Assert.Contains(enquiry.Reference, subject, StringComparison.Ordinal);
        Assert.Contains(unfinished.Errors, e => e.Field == "LetterBody" && e.Message.Contains("[[ResponseText: not known]]", StringComparison.Ordinal));
        Assert.Equal(letterId, mp.ResponseLetterId);
        Assert.Equal(new DateOnly(2024, 3, 4), mp.ResponseSentOn);
        Assert.Equal(Heard.Application.Letters.LetterStatus.Sent, letter.Status);
        Assert.Contains("The report will be filed on 15 March.", letter.Body, StringComparison.Ordinal);
        Assert.Equal("jane.whitmore.mp@parliament.example", email.ToAddress);
        Assert.NotNull(@case.ClosedAt);
    }

    [Fact]
    public async Task A_response_letter_without_consent_or_without_any_address_for_the_mp_is_refused_and_nothing_is_sent()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var enquiry = await host.RunAsync(s => s.Get<MpEnquiryIntake>().SubmitAsync(new MpEnquirySubmission
        {
            MpName = "Jane Whitmore MP", ConstituentName = "Dana Whitfield", Enquiry = "When will the report be filed?",
        }, Channel.Letter, RecordsHost.Officer, "mp:no-address"));

        var noConsent = await Assert.ThrowsAsync<ValidationFailedException>(async () => await host.RunAsync(async s => await s.Get<MpEnquiryHandling>()
            .SendResponseLetterAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), "Your enquiry", "Dear Jane", RecordsHost.Officer)));
        await host.RunAsync(async s => await s.Get<MpEnquiryHandling>().RecordConsentAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), new DateOnly(2024, 3, 4), ConsentEvidence.MpConfirmedInWriting, null, RecordsHost.Officer));
        var noAddress = await Assert.ThrowsAsync<ValidationFailedException>(async () => await host.RunAsync(async s => await s.Get<MpEnquiryHandling>()
            .SendResponseLetterAsync(enquiry.CaseId, await VersionAsync(host, enquiry.CaseId), "Your enquiry", "Dear Jane", RecordsHost.Officer)));

        Assert.Contains(noConsent.Errors, e => e.Message.Contains("consent is not recorded", StringComparison.Ordinal));
        Assert.Contains(noAddress.Errors, e => e.Message.Contains("email address or postal address", StringComparison.Ordinal));
        Assert.False(await host.RunAsync(s => s.Db.Letters.AnyAsync(l => l.CaseId == enquiry.CaseId)));
        Assert.False(await host.RunAsync(s => s.Db.OutboxMessages.AnyAsync(m => m.CaseId == enquiry.CaseId)));
    }

    [Fact]
    public async Task Ombudsman_recommendation_past_its_compliance_date_without_evidence_is_overdue_and_counted()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 5, 1));
        var complaint = await ComplaintAsync(host);
        var phso = await host.RunAsync(s => s.Get<OmbudsmanIntake>().SubmitAsync(new OmbudsmanSubmission
        {
            ComplaintReference = complaint.Reference, PhsoReference = "C-2045871", Stage = OmbudsmanStage.Investigation,
        }, Channel.Email, RecordsHost.Officer, "phso:1"));
        await host.RunAsync(async s => await s.Get<OmbudsmanHandling>().RecordOutcomeAsync(phso.CaseId, await VersionAsync(host, phso.CaseId), OmbudsmanOutcome.PartlyUpheld, new DateOnly(2024, 5, 1), null, RecordsHost.Officer));
        await host.RunAsync(async s => await s.Get<OmbudsmanHandling>().AddRecommendationAsync(phso.CaseId, await VersionAsync(host, phso.CaseId), "Apologise and pay £150.", new DateOnly(2024, 5, 10), 15000, RecordsHost.Officer));

        host.Clock.Today = new DateOnly(2024, 5, 10);
        var onTheDay = await host.RunAsync(s => s.Get<TeamQueues>().OmbudsmanAsync());
        host.Clock.Today = new DateOnly(2024, 5, 11);
        var dayAfter = await host.RunAsync(s => s.Get<TeamQueues>().OmbudsmanAsync());
        var recommendation = await host.RunAsync(s => s.Db.OmbudsmanRecommendations.AsNoTracking().FirstAsync(r => r.CaseId == phso.CaseId));
        await host.RunAsync(async s => await s.Get<OmbudsmanHandling>().RecordComplianceAsync(phso.CaseId, await VersionAsync(host, phso.CaseId), recommendation.Id,
            "Apology sent and £150 paid.", new DateOnly(2024, 5, 11), new DateOnly(2024, 5, 11), RecordsHost.Officer));
        var afterEvidence = await host.RunAsync(s => s.Get<TeamQueues>().OmbudsmanAsync());
        var linked = await host.RunAsync(s => s.Get<CaseLinks>().ForCaseAsync(complaint.CaseId));

        Assert.Equal(0, onTheDay.OverdueRecommendations);
        Assert.Equal(1, dayAfter.OverdueRecommendations);
        Assert.Equal(Urgency.Overdue, dayAfter.Rows.Single(r => r.Id == phso.CaseId).Urgency);
        Assert.Contains("1 recommendation overdue", dayAfter.Rows.Single(r => r.Id == phso.CaseId).Flags);
        Assert.Equal(0, afterEvidence.OverdueRecommendations);
        Assert.DoesNotContain(afterEvidence.Rows, r => r.Id == phso.CaseId); // decided and complied with: closed
        Assert.Equal("Ombudsman reference C-2045871", Assert.Single(linked).Detail);
    }

    [Fact]
    public async Task Feedback_through_a_known_tag_keeps_its_area_team_and_stage_and_a_double_submit_makes_one()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var link = await host.RunAsync(s => s.Get<FeedbackLinks>().GetOrCreateAsync(null, null, FeedbackStage.EndOfOurWork, SurveyCatalogue.Child, RecordsHost.Officer));
        var again = await host.RunAsync(s => s.Get<FeedbackLinks>().GetOrCreateAsync(null, null, FeedbackStage.EndOfOurWork, SurveyCatalogue.Child, RecordsHost.Officer));
        var submission = new FeedbackSubmission { Tag = link.Code.ToLowerInvariant(), Answers = { ["overall"] = new AnswerGiven(4, null), ["tell-us"] = new AnswerGiven(null, "They always smiled.") } };

        var first = await host.RunAsync(s => s.Get<FeedbackIntake>().SubmitAsync(submission, "web:k"));
        var second = await host.RunAsync(s => s.Get<FeedbackIntake>().SubmitAsync(submission, "web:k"));

        var stored = await host.RunAsync(s => s.Db.FeedbackResponses.AsNoTracking().Include(r => r.Answers).SingleAsync());
        Assert.Equal(link.Code, again.Code);
        Assert.True(first.Created && first.Tagged);
        Assert.False(second.Created);
        Assert.Equal(link.Code, stored.LinkCode);
        Assert.Equal(FeedbackStage.EndOfOurWork, stored.Stage);
        Assert.Equal(SurveyCatalogue.Child, stored.SurveyCode);
        Assert.Equal(4, stored.Score);
        Assert.True(stored.HasText);
    }

    [Fact]
    public async Task Feedback_without_a_tag_is_kept_and_its_text_waits_for_themes()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var result = await host.RunAsync(s => s.Get<FeedbackIntake>().SubmitAsync(new FeedbackSubmission
        {
            SurveyCode = SurveyCatalogue.Adult, Answers = { ["overall"] = new AnswerGiven(2, null), ["do-better"] = new AnswerGiven(null, "I felt the worker took sides.") },
        }, "web:u"));

        var waiting = await host.RunAsync(s => s.Get<FeedbackTheming>().WaitingAsync(10));
        await host.RunAsync(s => s.Get<FeedbackTheming>().ThemeAsync(result.Id, ["bias"], RecordsHost.Officer));
        var after = await host.RunAsync(s => s.Get<FeedbackTheming>().CountWaitingAsync());

        Assert.False(result.Tagged);
        Assert.Equal(("What could we have done better?", "I felt the worker took sides."), Assert.Single(Assert.Single(waiting).Texts));
        Assert.Equal(0, after);
        Assert.Equal("bias", await host.RunAsync(s => s.Db.FeedbackThemes.Select(t => t.ThemeCode).SingleAsync()));
    }

    [Fact]
    public async Task Feedback_without_the_required_score_is_refused()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s => s.Get<FeedbackIntake>().SubmitAsync(
            new FeedbackSubmission { SurveyCode = SurveyCatalogue.Child }, "web:none")));

        Assert.Equal("Choose the face that fits best", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public async Task Export_for_a_request_holds_every_record_matching_the_subject_and_is_written_to_its_history()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        var complaint = await ComplaintAsync(host, "Priya Patel", "priya.patel@example.com");
        await ComplaintAsync(host, "Someone Else", "else@example.com");
        await host.RunAsync(s => s.Get<FeedbackIntake>().SubmitAsync(new FeedbackSubmission
        {
            SurveyCode = SurveyCatalogue.Adult, ContactEmail = "Priya.Patel@example.com", Answers = { ["overall"] = new AnswerGiven(5, null) },
        }, "web:p"));
        var sar = await host.RunAsync(s => s.Get<SarIntake>().SubmitAsync(new SarSubmission
        {
            RequesterName = "Priya  Patel", RequesterEmail = "priya.patel@example.com", Relationship = SubjectRelationship.Self, RequestDetails = "Everything Heard holds.",
        }, Channel.Web, Actor.Public, "sar:p"));

        var file = await host.RunAsync(s => s.Get<SubjectDataExport>().ExportAsync(sar.CaseId, RecordsHost.Officer));

        var json = System.Text.Json.JsonDocument.Parse(file.Content).RootElement;
        var references = json.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("reference").GetString()).ToList();
        var history = await host.RunAsync(s => s.Db.CaseEvents.AsNoTracking().Where(e => e.CaseId == sar.CaseId && e.Kind == "data-exported").ToListAsync());
        Assert.Equal([complaint.Reference, sar.Reference], references);
        Assert.Equal(1, file.FeedbackResponses);
        Assert.Equal("Exported what Heard holds about the subject: 2 records, 1 feedback response, 0 emails", Assert.Single(history).Summary);
        Assert.EndsWith(".json", file.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_summary_averages_children_and_adults_separately_over_the_period()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 3, 4));
        async Task GiveAsync(string survey, int score) => await host.RunAsync(async s => await s.Get<FeedbackIntake>().SubmitAsync(
            new FeedbackSubmission { SurveyCode = survey, Answers = { ["overall"] = new AnswerGiven(score, null) } }, Guid.NewGuid().ToString("N")));
        await GiveAsync(SurveyCatalogue.Child, 4);
        await GiveAsync(SurveyCatalogue.Child, 5);
        await GiveAsync(SurveyCatalogue.Adult, 3);

        var summary = await host.RunAsync(s => s.Get<RecordSummaries>().ForPeriodAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)));
        var before = await host.RunAsync(s => s.Get<RecordSummaries>().ForPeriodAsync(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));

        Assert.Equal(3, summary.FeedbackResponses);
        Assert.Equal(4.5, summary.ChildrensAverage);
        Assert.Equal(3.0, summary.AdultsAverage);
        Assert.Equal(200.0 / 3, summary.PercentPositive!.Value, 6);
        Assert.Equal(0, before.FeedbackResponses);
        Assert.Null(before.ChildrensAverage);
    }
}
