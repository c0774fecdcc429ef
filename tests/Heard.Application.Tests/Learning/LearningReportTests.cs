using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Learning;
using Heard.Application.Organisation;
using Heard.Application.Procedure;
using Heard.Application.Tests.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Learning;

/// <summary>
/// The learning figures against a small dataset whose answers are worked out by hand (in the comments), for the
/// financial year 2023–24, read on 1 June 2024.
/// </summary>
public sealed class LearningReportTests
{
    /// <summary>
    /// Complaints: A (adult, 10 May 2023, Q1: not-listened-to upheld, delay not upheld), B (adult, 1 Aug 2023, Q2:
    /// not-listened-to), C (child, 5 Dec 2023, Q3: not-listened-to partly upheld, communication not upheld),
    /// D (adult, 20 Mar 2023, the year before: delay), G (child, 1 Sep 2023, Q2: not-listened-to upheld),
    /// H (child, 1 Feb 2024, Q4: no finding), I (child, 1 Nov 2022, the year before: not upheld, communication).
    /// Compliments: E (1 Jun 2023, Q1: listened-to, reliable), F (10 Jan 2024, Q4: listened-to).
    /// Learning points: on A 15 Jun 2023 (Q1), on C 5 Jan 2024 (Q4).
    /// Actions: 1 on A practitioner area X, due 30 Sep 2023, done 1 Sep 2023; 2 on A team (area X), due 31 Jan 2024, open;
    /// 3 on C national, due 30 Jun 2024, open; 4 on C area Y, due 1 Feb 2024, done 10 Apr 2024 (after the year);
    /// 5 on B practitioner area Y, set 1 Sep 2023, due 15 Sep 2023, cancelled 1 Oct 2023; 6 on D, set and done in March 2023;
    /// 7 on G team (area X), set 1 Oct 2023, done 20 Nov 2023.
    /// </summary>
    private static async Task<ProcedureHost> DatasetAsync()
    {
        var host = await ProcedureHost.StartAsync(new DateOnly(2024, 6, 1));
        var owner = await host.StaffAsync("Owen Owner", Roles.ServiceManager);
        await host.RunAsync(async s =>
        {
            var db = s.GetRequiredService<HeardDbContext>();
            var region = new Region { Id = Guid.NewGuid(), Name = "Test region" };
            var x = new ServiceArea { Id = Guid.NewGuid(), Code = "TX", Name = "Area X", RegionId = region.Id };
            var y = new ServiceArea { Id = Guid.NewGuid(), Code = "TY", Name = "Area Y", RegionId = region.Id };
            var team = new Team { Id = Guid.NewGuid(), Name = "Team X1", ServiceAreaId = x.Id };
            db.AddRange(region, x, y, team);

            Case Complaint(string reference, Audience audience, DateOnly received, params (string Theme, Finding? Finding)[] issues)
            {
                var c = new Case
                {
                    Id = Guid.NewGuid(), Reference = reference, Type = CaseType.Complaint, Audience = audience, Channel = Channel.Web,
                    ReceivedAt = received.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), ReceivedOn = received, State = "closed",
                    UpdatedAt = received.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                };
                for (var i = 0; i < issues.Length; i++)
                {
                    c.Issues.Add(new ComplaintIssue { Id = Guid.NewGuid(), CaseId = c.Id, Number = i + 1, Description = "An issue", ThemeCode = issues[i].Theme, Finding = issues[i].Finding });
                }

                db.Cases.Add(c);
                return c;
            }

            void Compliment(string reference, DateOnly received, params string[] themes)
            {
                var c = new Case
                {
                    Id = Guid.NewGuid(), Reference = reference, Type = CaseType.Compliment, Audience = Audience.Adult, Channel = Channel.Web,
                    ReceivedAt = received.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), ReceivedOn = received, State = "closed",
                    UpdatedAt = received.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                };
                db.Cases.Add(c);
                var compliment = new Compliment { CaseId = c.Id, Text = "Thank you" };
                compliment.Themes.AddRange(themes.Select(t => new ComplimentTheme { CaseId = c.Id, ThemeCode = t }));
                db.Compliments.Add(compliment);
            }

            LearningPoint Point(Case c, DateOnly on)
            {
                var p = new LearningPoint { Id = Guid.NewGuid(), CaseId = c.Id, Text = $"Learning from {c.Reference}", RecordedByName = "Owen Owner", RecordedAt = on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc) };
                db.LearningPoints.Add(p);
                return p;
            }

            void Action(Case c, CascadeLevel level, Guid? area, DateOnly set, DateOnly due, LearningActionStatus status = LearningActionStatus.Open, DateOnly? closed = null, Guid? teamId = null)
            {
                db.LearningActions.Add(new LearningAction
                {
                    Id = Guid.NewGuid(), CaseId = c.Id, Description = $"Action on {c.Reference}", OwnerId = owner.UserId, OwnerName = owner.Name,
                    DueOn = due, Status = status, Level = level, ServiceAreaId = area, TeamId = teamId, ThemeCode = "not-listened-to",
                    Evidence = status == LearningActionStatus.Done ? $"Evidence for {c.Reference}" : null,
                    CancelledReason = status == LearningActionStatus.Cancelled ? "No longer needed" : null,
                    ClosedOn = closed, CreatedByName = "Owen Owner", CreatedAt = set.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc), CreatedOn = set,
                    UpdatedAt = set.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
                });
            }

            void Deadline(Case c, string kind, DateOnly due, DateOnly? met) => db.CaseDeadlines.Add(new CaseDeadline
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Kind = kind, Rule = "working-days:1", StartsOn = c.ReceivedOn, DueOn = due, MetOn = met,
                Explanation = "Test", ComputedAt = DateTime.UtcNow,
            });

            var a = Complaint("A", Audience.Adult, new DateOnly(2023, 5, 10), ("not-listened-to", Finding.Upheld), ("delay", Finding.NotUpheld));
            var b = Complaint("B", Audience.Adult, new DateOnly(2023, 8, 1), ("not-listened-to", null));
            var c = Complaint("C", Audience.Child, new DateOnly(2023, 12, 5), ("not-listened-to", Finding.PartlyUpheld), ("communication", Finding.NotUpheld));
            var d = Complaint("D", Audience.Adult, new DateOnly(2023, 3, 20), ("delay", Finding.NotUpheld));
            var g = Complaint("G", Audience.Child, new DateOnly(2023, 9, 1), ("not-listened-to", Finding.Upheld));
            var h = Complaint("H", Audience.Child, new DateOnly(2024, 2, 1), ("not-listened-to", null));
            Complaint("I", Audience.Child, new DateOnly(2022, 11, 1), ("communication", Finding.NotUpheld));
            Compliment("E", new DateOnly(2023, 6, 1), "listened-to", "reliable");
            Compliment("F", new DateOnly(2024, 1, 10), "listened-to");
            Point(a, new DateOnly(2023, 6, 15));
            Point(c, new DateOnly(2024, 1, 5));
            Action(a, CascadeLevel.Practitioner, x.Id, new DateOnly(2023, 6, 15), new DateOnly(2023, 9, 30), LearningActionStatus.Done, new DateOnly(2023, 9, 1));
            Action(a, CascadeLevel.Team, x.Id, new DateOnly(2023, 6, 15), new DateOnly(2024, 1, 31), teamId: team.Id);
            Action(c, CascadeLevel.National, null, new DateOnly(2024, 1, 5), new DateOnly(2024, 6, 30));
            Action(c, CascadeLevel.ServiceArea, y.Id, new DateOnly(2024, 1, 5), new DateOnly(2024, 2, 1), LearningActionStatus.Done, new DateOnly(2024, 4, 10));
            Action(b, CascadeLevel.Practitioner, y.Id, new DateOnly(2023, 9, 1), new DateOnly(2023, 9, 15), LearningActionStatus.Cancelled, new DateOnly(2023, 10, 1));
            Action(d, CascadeLevel.Practitioner, x.Id, new DateOnly(2023, 3, 25), new DateOnly(2023, 4, 30), LearningActionStatus.Done, new DateOnly(2023, 3, 30));
            Action(g, CascadeLevel.Team, x.Id, new DateOnly(2023, 10, 1), new DateOnly(2023, 11, 30), LearningActionStatus.Done, new DateOnly(2023, 11, 20), team.Id);
            Deadline(c, "first-contact", new DateOnly(2023, 12, 6), new DateOnly(2023, 12, 6));
            Deadline(g, "first-contact", new DateOnly(2023, 9, 4), new DateOnly(2023, 9, 5));
            Deadline(h, "first-contact", new DateOnly(2024, 2, 2), null);
            Deadline(c, "response", new DateOnly(2023, 12, 27), new DateOnly(2023, 12, 20));
            Deadline(g, "response", new DateOnly(2023, 9, 22), new DateOnly(2023, 9, 22));
            Deadline(h, "response", new DateOnly(2024, 4, 20), null);
            await db.SaveChangesAsync();
        });
        return host;
    }

    private static IEnumerable<(string Theme, string Counts)> Rows(ThemesOverTime t) => t.Themes.Select(r => (r.Code, string.Join(" ", r.Counts)));

    [Fact]
    public async Task Panel_for_2023_24_counts_themes_by_quarter_and_actions_open_done_overdue_by_level_and_area()
    {
        await using var host = await DatasetAsync();

        var panel = await host.RunAsync(s => s.GetRequiredService<LearningReports>().PanelAsync(ReportPeriod.FinancialYear(2023), includeChildrensLearningText: false));

        Assert.Equal(["Q1 2023\u201324", "Q2 2023\u201324", "Q3 2023\u201324", "Q4 2023\u201324"], panel.Issues.Quarters);
        // Issues: A (Q1) nlt + delay, B (Q2) nlt, G (Q2) nlt, C (Q3) nlt + communication, H (Q4) nlt; D and I are outside the year.
        Assert.Equal([("not-listened-to", "1 2 1 1"), ("delay", "1 0 0 0"), ("communication", "0 0 1 0")], Rows(panel.Issues));
        Assert.Equal([("listened-to", "1 0 0 1"), ("reliable", "1 0 0 0")], Rows(panel.Compliments));
        // A's point under A's two themes in Q1; C's point under C's two themes in Q4.
        Assert.Equal([("not-listened-to", "1 0 0 1"), ("delay", "1 0 0 0"), ("communication", "0 0 0 1")], Rows(panel.LearningPoints));
        // As at 31 March 2024: open 2 (overdue), 3, 4 (overdue, done after the year); done in the year 1 and 7.
        Assert.Equal(new DateOnly(2024, 3, 31), panel.AsOf);
        Assert.Equal(new ActionCounts(3, 2, 2), panel.Actions);
        Assert.Equal(
            [("Practitioner", new ActionCounts(0, 1, 0)), ("Team", new ActionCounts(1, 1, 1)), ("Service area", new ActionCounts(1, 0, 1)), ("National", new ActionCounts(1, 0, 0))],
            panel.ByLevel.Select(r => (r.Label, r.Counts)));
        Assert.Equal(
            [("Area X", new ActionCounts(1, 2, 1)), ("Area Y", new ActionCounts(1, 0, 1)), ("National (no area)", new ActionCounts(1, 0, 0))],
            panel.ByArea.Select(r => (r.Label, r.Counts)));
        Assert.Equal(["Learning from A"], panel.RecentLearning.Select(l => l.Text));
    }

    [Fact]
    public async Task Action_counts_for_a_quarter_are_as_at_its_last_day()
    {
        await using var host = await DatasetAsync();
        var reports = (IServiceProvider s) => s.GetRequiredService<LearningReports>();

        // 30 June 2023: 1 and 2 open (neither past due); 6 was done before the quarter.
        var q1 = await host.RunAsync(s => reports(s).ActionCountsAsync(ReportPeriod.Quarter(2023, 1)));
        // 30 September 2023: 1 done in the quarter; 2 open; 5 open (cancelled later) and past its 15 September due date.
        var q2 = await host.RunAsync(s => reports(s).ActionCountsAsync(ReportPeriod.Quarter(2023, 2)));
        // Children's complaints only, the whole year: 3 and 4 open (4 overdue), 7 done.
        var children = await host.RunAsync(s => reports(s).ActionCountsAsync(ReportPeriod.FinancialYear(2023), childrenOnly: true));

        Assert.Equal(new ActionCounts(2, 0, 0), q1);
        Assert.Equal(new ActionCounts(2, 1, 1), q2);
        Assert.Equal(new ActionCounts(2, 1, 1), children);
    }

    [Fact]
    public async Task Childrens_review_for_2023_24_gives_received_themes_outcomes_timeliness_learning_and_changes_made()
    {
        await using var host = await DatasetAsync();

        var review = await host.RunAsync(s => s.GetRequiredService<LearningReports>().ChildrensReviewAsync(2023));

        Assert.Equal(("Children's complaints received", 3, 1), (review.Received.Label, review.Received.ThisYear, review.Received.YearEarlier));
        Assert.Equal([("not-listened-to", 3), ("communication", 1)], review.Themes.Select(t => (t.Code, t.Count)));
        Assert.Equal([("Upheld", 1, 0), ("Partly upheld", 1, 0), ("Not upheld", 0, 1), ("No finding yet", 1, 0)], review.Outcomes.Select(o => (o.Label, o.ThisYear, o.YearEarlier)));
        Assert.Equal(2, review.UpheldFullyOrInPart);
        // First contact: C on the day; G a day late; H never made and past due. Response: C and G on time; H due after the year end.
        Assert.Equal([(1, 2, 0, 33.3m), (2, 0, 1, 100m)], review.Timeliness.Select(t => (t.OnTime, t.Late, t.NotYetDue, t.PercentOnTime!.Value)));
        Assert.Equal(1, review.LearningPointCount);
        Assert.Equal(["Learning from C"], review.Learning.Select(l => l.Text));
        Assert.Equal(new ActionCounts(2, 1, 1), review.Actions);
        var change = Assert.Single(review.ChangesMade);
        Assert.Equal((new DateOnly(2023, 11, 20), CascadeLevel.Team, "Evidence for G"), (change.DoneOn, change.Level, change.Evidence));
    }
}
