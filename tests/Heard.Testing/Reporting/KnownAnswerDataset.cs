using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Feedback;
using Heard.Application.Ombudsman;
using Heard.Application.Organisation;
using Heard.Application.Procedure;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Domain.Records;
using Heard.Domain.Reporting;

namespace Heard.Testing.Reporting;

/// <summary>
/// A dataset whose board-report answers are known by construction. Q1 2023–24 matches seed 002 (238 adult
/// complaints, 7 children's complaints, 33 MP enquiries; feedback averages 4.25 from 48 children and 4.08 from
/// 492 adults); Q1 2022–23 is a smaller year-earlier quarter. The report is run "as at" <see cref="AsOf"/>, so
/// some response deadlines are overdue and some not yet due. The expected figures are the constants below, worked
/// out by hand in the comments, not by running the code under test.
/// </summary>
public sealed class KnownAnswerDataset
{
    public static readonly ReportPeriod Quarter = ReportPeriod.Quarter(2023, 1);
    public static readonly DateOnly AsOf = new(2023, 7, 10);

    /// <summary>10:00 UTC on <see cref="AsOf"/>, for the fake clock.</summary>
    public static readonly DateTimeOffset Now = new(2023, 7, 10, 10, 0, 0, TimeSpan.Zero);

    public ServiceArea AreaA { get; private set; } = default!;
    public ServiceArea AreaB { get; private set; } = default!;
    public ServiceArea AreaC { get; private set; } = default!;

    private static readonly decimal[] Payments = [150.00m, 250.50m, 100.00m];

    private readonly List<Case> _cases = [];
    private int _sequence;

    public IReadOnlyList<Case> Cases => _cases;

    public static async Task<KnownAnswerDataset> CreateAsync(HeardDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = new KnownAnswerDataset();
        var calendar = WorkingCalendar.EnglandAndWales;
        var region = new Region { Id = Guid.CreateVersion7(), Name = "Known region" };
        db.Regions.Add(region);
        set.AreaA = new ServiceArea { Id = Guid.CreateVersion7(), Code = "KA", Name = "Known Area A", RegionId = region.Id };
        set.AreaB = new ServiceArea { Id = Guid.CreateVersion7(), Code = "KB", Name = "Known Area B", RegionId = region.Id };
        set.AreaC = new ServiceArea { Id = Guid.CreateVersion7(), Code = "KC", Name = "Known Area C", RegionId = region.Id };
        db.ServiceAreas.AddRange(set.AreaA, set.AreaB, set.AreaC);

        var april3 = new DateOnly(2023, 4, 3);
        var june28 = new DateOnly(2023, 6, 28);

        // Adults, Q1 2023–24: 238 complaints. Area A 138 (private law), area B 100 (public 88, private 12).
        for (var i = 0; i < 238; i++)
        {
            var area = i < 138 ? set.AreaA : set.AreaB;
            var law = i < 138 || i >= 226 ? LawType.Private : LawType.Public;
            // The 28 whose response is not yet due were received on 28 June (due 19 July, after AsOf).
            var received = i >= 210 ? june28 : april3.AddDays(i % 60);
            var c = set.Complaint(Audience.Adult, received, area.Id, law, ComplaintStates.Closed);

            // Acknowledgement due 2 working days after receipt: 230 on time, 8 a day late.
            var ackDue = calendar.AddWorkingDays(received, 2);
            set.Deadline(c, DeadlineKinds.Acknowledgement, received, ackDue, i < 230 ? calendar.AddWorkingDays(received, 1) : calendar.AddWorkingDays(received, 3));

            // Response due 15 working days after receipt: 90 sent on day 10, 90 on day 15 (on time), 20 on day 20
            // (late), 10 not sent and overdue, 28 not sent and not yet due.
            var due = calendar.AddWorkingDays(received, 15);
            DateOnly? met = i switch
            {
                < 90 => calendar.AddWorkingDays(received, 10),
                < 180 => calendar.AddWorkingDays(received, 15),
                < 200 => calendar.AddWorkingDays(received, 20),
                _ => null,
            };
            set.Deadline(c, DeadlineKinds.Response, received, due, met);
        }

        var adults = set._cases.ToList();

        // States: 6 matters for the court and 4 not complaints (10 premature: 8 in area A private law, 2 in area B
        // public law), 5 withdrawn (3 from investigation, 2 from acknowledged; all area B public law).
        foreach (var (c, i) in adults.Skip(130).Take(10).Select((c, i) => (c, i)))
        {
            c.State = i < 6 ? ComplaintStates.RedirectedToCourt : ComplaintStates.NotAComplaint;
        }

        foreach (var (c, i) in adults.Skip(140).Take(5).Select((c, i) => (c, i)))
        {
            var from = i < 3 ? ComplaintStates.Investigation : ComplaintStates.Acknowledged;
            c.State = ComplaintStates.Withdrawn;
            c.Events.Add(new CaseEvent { CaseId = c.Id, At = DateTime.SpecifyKind(new DateTime(2023, 6, 30, 12, 0, 0), DateTimeKind.Utc), Kind = "transition", ActorName = "Known", FromState = from, ToState = ComplaintStates.Withdrawn, Summary = "Withdrawn" });
        }

        // Findings on adults: 20 upheld, 10 partly upheld (with a second issue not upheld), 25 not upheld, 5 no
        // finding only: decided 55, upheld fully or in part 30.
        for (var i = 0; i < 60; i++)
        {
            var c = adults[i];
            var (finding, theme) = i switch
            {
                < 20 => (Finding.Upheld, "communication"),
                < 30 => (Finding.PartlyUpheld, "delay"),
                < 55 => (Finding.NotUpheld, "communication"),
                _ => (Finding.NoFinding, "bias"),
            };
            c.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 1, Description = "Issue", ThemeCode = theme, Finding = finding });
            if (finding == Finding.PartlyUpheld)
            {
                c.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 2, Description = "Second issue", ThemeCode = "not-listened-to", Finding = Finding.NotUpheld });
            }
        }

        // Remedies: 10 apologies, 3 payments of £150.00, £250.50 and £100.00 (£500.50).
        for (var i = 0; i < 10; i++)
        {
            db.Remedies.Add(new Remedy { Id = Guid.CreateVersion7(), CaseId = adults[i].Id, Kind = RemedyKind.Apology, Reason = "Apology", RecordedByName = "Known", RecordedAt = DateTime.SpecifyKind(new DateTime(2023, 6, 1), DateTimeKind.Utc) });
        }

        foreach (var (amount, i) in Payments.Select((a, i) => (a, i)))
        {
            db.Remedies.Add(new Remedy { Id = Guid.CreateVersion7(), CaseId = adults[i].Id, Kind = RemedyKind.FinancialRedress, Amount = amount, Reason = "Payment", RecordedByName = "Known", RecordedAt = DateTime.SpecifyKind(new DateTime(2023, 6, 1), DateTimeKind.Utc) });
        }

        // Children, Q1 2023–24: 7 complaints in area A, private law; all acknowledged on time; 5 responses sent on
        // working day 12 (due day 20), 2 received 28 June and not yet due. Findings: 2 upheld, 1 not upheld.
        for (var i = 0; i < 7; i++)
        {
            var received = i < 5 ? april3.AddDays(7 * i) : june28;
            var c = set.Complaint(Audience.Child, received, set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
            set.Deadline(c, DeadlineKinds.Acknowledgement, received, calendar.AddWorkingDays(received, 2), received);
            set.Deadline(c, DeadlineKinds.Response, received, calendar.AddWorkingDays(received, 20), i < 5 ? calendar.AddWorkingDays(received, 12) : null);
            if (i < 3)
            {
                c.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 1, Description = "Issue", ThemeCode = "not-listened-to", Finding = i < 2 ? Finding.Upheld : Finding.NotUpheld });
            }
        }

        // 33 MP enquiries (20 in A, 13 in B), 12 subject access requests, 40 compliments, 4 Ombudsman cases.
        for (var i = 0; i < 33; i++)
        {
            set.Record(CaseType.MpEnquiry, april3.AddDays(i), i < 20 ? set.AreaA.Id : set.AreaB.Id);
        }

        for (var i = 0; i < 12; i++)
        {
            set.Record(CaseType.SubjectAccessRequest, april3.AddDays(i), null);
        }

        for (var i = 0; i < 40; i++)
        {
            set.Record(CaseType.Compliment, april3.AddDays(i), set.AreaA.Id);
        }

        OmbudsmanOutcome?[] outcomes = [OmbudsmanOutcome.Upheld, OmbudsmanOutcome.NotUpheld, OmbudsmanOutcome.NotUpheld, null];
        foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
        {
            var c = set.Record(CaseType.OmbudsmanCase, april3.AddDays(i), set.AreaB.Id);
            db.OmbudsmanCases.Add(new OmbudsmanCase { CaseId = c.Id, PhsoReference = $"PHSO-{i}", Stage = OmbudsmanStage.Assessment, Outcome = outcome });
        }

        // A year earlier (Q1 2022–23): 100 adult complaints (area A, private), 2 children's, 10 MP enquiries.
        // And records just outside Q1 2023–24 (31 March and 1 July 2023), which no figure counts.
        for (var i = 0; i < 100; i++)
        {
            set.Complaint(Audience.Adult, new DateOnly(2022, 4, 4).AddDays(i % 80), set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
        }

        set.Complaint(Audience.Child, new DateOnly(2022, 5, 3), set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
        set.Complaint(Audience.Child, new DateOnly(2022, 6, 30), set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
        for (var i = 0; i < 10; i++)
        {
            set.Record(CaseType.MpEnquiry, new DateOnly(2022, 5, 1).AddDays(i), set.AreaA.Id);
        }

        set.Complaint(Audience.Adult, new DateOnly(2023, 3, 31), set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
        set.Complaint(Audience.Adult, new DateOnly(2023, 7, 1), set.AreaA.Id, LawType.Private, ComplaintStates.Closed);
        set.Record(CaseType.MpEnquiry, new DateOnly(2023, 7, 1), set.AreaA.Id);

        // Feedback, Q1 2023–24. Children: 20×5 + 22×4 + 4×3 + 2×2 = 204 from 48 (4.25), positive 42 (87.5%).
        // Adults: 200×5 + 150×4 + 123×3 + 19×2 = 2007 from 492 (4.079… → 4.08), positive 350 (71.1%).
        Feedback(db, Audience.Child, [(5, 20), (4, 22), (3, 4), (2, 2)], new DateOnly(2023, 5, 15));
        Feedback(db, Audience.Adult, [(5, 200), (4, 150), (3, 123), (2, 19)], new DateOnly(2023, 5, 16));
        Feedback(db, Audience.Adult, [(1, 7)], new DateOnly(2023, 7, 1));

        // Family court cases open during Q1 2023–24: A 300 private + 100 public; B 700 private + 300 public;
        // C 100 private. Plus 50 in B that ended before the quarter and 50 that started after it (not counted).
        set.Served(db, set.AreaA.Id, LawType.Private, 300, new DateOnly(2022, 1, 1), null);
        set.Served(db, set.AreaA.Id, LawType.Public, 100, new DateOnly(2022, 1, 1), new DateOnly(2023, 4, 1));
        set.Served(db, set.AreaB.Id, LawType.Private, 700, new DateOnly(2023, 6, 30), null);
        set.Served(db, set.AreaB.Id, LawType.Public, 300, new DateOnly(2021, 1, 1), new DateOnly(2024, 1, 1));
        set.Served(db, set.AreaC.Id, LawType.Private, 100, new DateOnly(2023, 5, 1), null);
        set.Served(db, set.AreaB.Id, LawType.Private, 50, new DateOnly(2021, 1, 1), new DateOnly(2023, 3, 31));
        set.Served(db, set.AreaB.Id, LawType.Private, 50, new DateOnly(2023, 7, 1), null);

        db.Cases.AddRange(set._cases);
        await db.SaveChangesAsync();
        db.CaseDeadlines.AddRange(set._deadlines);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return set;
    }

    private Case Complaint(Audience audience, DateOnly received, Guid? area, LawType? law, string state) =>
        Add(CaseType.Complaint, audience, received, area, law, state);

    private Case Record(CaseType type, DateOnly received, Guid? area) => Add(type, Audience.Adult, received, area, null, "open");

    private Case Add(CaseType type, Audience audience, DateOnly received, Guid? area, LawType? law, string state)
    {
        var n = ++_sequence;
        var c = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = $"KNOWN-{n:00000}",
            Type = type,
            Audience = audience,
            Channel = Channel.Web,
            ReceivedAt = DateTime.SpecifyKind(received.ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Utc),
            ReceivedOn = received,
            State = state,
            ServiceAreaId = area,
            LawType = law,
            UpdatedAt = DateTime.SpecifyKind(received.ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Utc),
            Person = new Person { FullName = $"Person {n}" },
        };
        _cases.Add(c);
        return c;
    }

    private void Deadline(Case c, string kind, DateOnly startsOn, DateOnly dueOn, DateOnly? metOn) =>
        _deadlines.Add(new CaseDeadline
        {
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            Kind = kind,
            Rule = "working-days:15",
            StartsOn = startsOn,
            DueOn = dueOn,
            MetOn = metOn,
            Explanation = "known",
            ComputedAt = DateTime.SpecifyKind(startsOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
        });

    private readonly List<CaseDeadline> _deadlines = [];

    public IReadOnlyList<CaseDeadline> Deadlines => _deadlines;

    private static void Feedback(HeardDbContext db, Audience audience, (int Score, int Count)[] scores, DateOnly givenOn)
    {
        foreach (var (score, count) in scores)
        {
            for (var i = 0; i < count; i++)
            {
                db.FeedbackResponses.Add(new FeedbackResponse
                {
                    Id = Guid.CreateVersion7(),
                    SurveyCode = audience == Audience.Child ? "child" : "adult",
                    Audience = audience,
                    Source = FeedbackSource.CollaborativeAudit,
                    SubmittedAt = DateTime.SpecifyKind(givenOn.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc),
                    GivenOn = givenOn,
                    Score = score,
                });
            }
        }
    }

    private void Served(HeardDbContext db, Guid area, LawType law, int count, DateOnly started, DateOnly? ended)
    {
        for (var i = 0; i < count; i++)
        {
            db.FamilyCourtCases.Add(new FamilyCourtCase
            {
                Id = Guid.CreateVersion7(),
                CaseNumber = $"K{area.ToString("N")[..6]}{law}{started:yyMMdd}{++_sequence:000000}",
                LawType = law,
                ServiceAreaId = area,
                StartedOn = started,
                InvolvementEndedOn = ended,
            });
        }
    }
}
