using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.MpEnquiries;
using Heard.Application.Ombudsman;
using Heard.Application.Records;
using Heard.Application.SubjectAccess;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Demo;

/// <summary>
/// Demo records beside the complaints, over the same three financial years, in the board papers' proportions:
/// about 33 MP enquiries a quarter, a few Ombudsman cases a year, 60–100 subject access requests a year, a few
/// hundred compliments, and about 2,000 feedback responses a year (children averaging about 4.25 out of 5, adults
/// about 4.08). Its own fixed seed, so the complaints' demo data does not change when this does.
/// </summary>
public static class RecordsDemoData
{
    private const int Seed = 20130301;
    private static readonly TimeSpan Morning = TimeSpan.FromHours(9);

    private static readonly string[] ComplimentTexts =
    [
        "Thank you for listening to my children. For the first time they felt someone heard them.",
        "The family court adviser explained everything clearly and told us what would happen next.",
        "You helped us both focus on the children rather than on each other.",
        "She always called back when she said she would. It made a hard time easier.",
        "My son said his worker was the nicest person he met in the whole court case.",
        "Thank you for taking the time to understand our family and for being so fair.",
        "The report was thorough and balanced, and I felt my views were included.",
    ];

    private static readonly string[] MpTexts =
    [
        "My constituent is concerned about the delay in the report to court and asks when it will be filed.",
        "My constituent feels the family court adviser did not listen to them and asks that their complaint is looked into.",
        "My constituent asks why their children were not seen in person before the hearing.",
        "My constituent has asked me to raise the handling of their complaint, which they say has not been answered.",
    ];

    private static readonly string[] AdultWentWell =
    [
        "Listened to me and understood what I was saying.", "Explained what was happening and what would happen next.",
        "Put my children at ease.", "Took the time to understand our situation.",
    ];

    private static readonly string[] AdultDoBetter =
    [
        "I felt the worker had taken the other parent's side.", "I wanted more time to talk before the report was written.",
        "I was spoken over in the meeting.", "It was not clear how what I said led to the recommendations.",
    ];

    private static readonly string[] ChildTexts =
    [
        "I liked that I could write to the judge.", "My worker helped me understand what was happening.",
        "They knew me like the back of their hand.", "I wish they had come to see me again.", "They always smiled.",
    ];

    private static readonly string[] Names =
    [
        "Aisha Rahman", "Ben Thornton", "Carla Mendes", "David Okoro", "Emma Lloyd", "Faisal Aziz", "Gemma Price", "Hugo Bell",
        "Ioana Popescu", "Jack Dunn", "Kiran Gill", "Laura Byrne", "Marcus Reid", "Nadia Hussain", "Owen Parry", "Rachel Cole",
    ];

    private static readonly string[] Mps =
    [
        "Jane Whitmore MP", "Rt Hon Samuel Hart MP", "Priya Nandra MP", "Tom Ellery MP", "Grace Adebayo MP", "Martin Shaw MP",
    ];

    public static async Task LoadAsync(HeardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(Seed);
        var calendar = WorkingCalendar.EnglandAndWales;
        var from = DemoData.FinancialYearStart(today).AddYears(-2);
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
        // Ordered by something the seed decides, never by generated ids: the same load every time.
        var teams = await db.Teams.AsNoTracking().Where(t => t.ServiceAreaId != null).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var practitioners = await db.Users.AsNoTracking().Where(u => u.ManagerId != null).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var complaints = await db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Complaint)
            .Select(c => new { c.Id, c.Reference, c.ReceivedOn, c.ServiceAreaId, c.Person, c.ClosedAt, c.Audience, c.CourtCaseNumber, c.FamilyCourtCaseId, c.LawType })
            .OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference).ToListAsync(cancellationToken);
        if (areas.Count == 0 || practitioners.Count == 0)
        {
            return;
        }

        var timescales = new RecordTimescales();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var links = AddFeedbackLinks(db, areas, teams);

        Case NewCase(CaseType type, DateOnly on, string state, Person person, Channel channel)
        {
            var at = on.ToDateTime(TimeOnly.FromTimeSpan(Morning), DateTimeKind.Utc).AddMinutes(random.Next(480));
            var c = new Case
            {
                Id = Guid.CreateVersion7(), Reference = CaseReference.New(type, random.Next), Type = type, Audience = Audience.Adult, Channel = channel,
                ReceivedAt = at, ReceivedOn = on, State = state, Person = person, UpdatedAt = at,
            };
            db.Cases.Add(c);
            Event(c, at, "received", $"{type.Describe()} received by {channel.Describe()}", null, state);
            return c;
        }

        void Event(Case c, DateTime at, string kind, string summary, string? fromState, string? toState) =>
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = at, Kind = kind, ActorName = "Morgan Ellis", ActorRole = Roles.ComplaintsTeam, FromState = fromState, ToState = toState, Summary = summary });

        void Close(Case c, DateOnly on, string state, string summary)
        {
            var at = on.ToDateTime(TimeOnly.FromTimeSpan(Morning), DateTimeKind.Utc).AddHours(3);
            Event(c, at, "transition", summary, c.State, state);
            c.State = state;
            c.ClosedAt = at;
            c.UpdatedAt = at;
        }

        CaseDeadline Deadline(Case c, string kind, DeadlineRule rule, DateOnly startsOn, DateOnly? metOn, IReadOnlyList<DeadlinePause>? pauses = null, IReadOnlyList<DeadlineExtensionEntry>? extensions = null)
        {
            var computed = DeadlineCalculator.Compute(calendar, rule, startsOn,
                pauses?.Select(p => new ClockPause(p.StoppedOn, p.RestartedOn ?? today.AddDays(1), p.Reason)).ToList(),
                extensions?.Select(e => new DeadlineExtension(DeadlineRule.Parse(e.By), e.Reason, e.AgreedBy, e.AgreedOn)).ToList());
            var deadline = new CaseDeadline
            {
                Id = Guid.CreateVersion7(), CaseId = c.Id, Kind = kind, Rule = rule.ToString(), StartsOn = startsOn, DueOn = computed.DueOn,
                Explanation = computed.Explanation, MetOn = metOn, ComputedAt = c.ReceivedAt, CalendarVersion = calendar.Version,
                Pauses = [.. pauses ?? []], Extensions = [.. extensions ?? []],
            };
            db.CaseDeadlines.Add(deadline);
            return deadline;
        }

        Person SomeOne(ComplainantRole role = ComplainantRole.Parent)
        {
            var name = Names[random.Next(Names.Length)];
            return new Person { FullName = name, Role = role, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}{random.Next(10, 99)}@example.com", ContactPreference = ContactPreference.Email };
        }

        var praise = new[] { "listened-to", "explained-clearly", "child-focused", "reliable" };
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            var working = calendar.IsWorkingDay(day);
            var age = today.DayNumber - day.DayNumber;

            // Compliments: about 250 a year, passed on within a few working days.
            for (var n = working ? Poisson(random, 1.0) : 0; n > 0; n--)
            {
                var staff = practitioners[random.Next(practitioners.Count)];
                var child = random.NextDouble() < 0.15;
                var c = NewCase(CaseType.Compliment, day, RecordStates.ComplimentReceived, child ? new Person { Role = ComplainantRole.Child } : SomeOne(), random.NextDouble() < 0.6 ? Channel.Email : Channel.Web);
                c.Audience = child ? Audience.Child : Audience.Adult;
                c.ServiceAreaId = staff.ServiceAreaId;
                c.TeamId = staff.TeamId;
                c.PractitionerId = staff.Id;
                c.PractitionerName = staff.DisplayName;
                var compliment = new Compliment { CaseId = c.Id, Text = ComplimentTexts[random.Next(ComplimentTexts.Length)], StaffNameGiven = staff.DisplayName.Split(' ')[0], StaffMemberId = staff.Id };
                var passedOn = age > 6 ? calendar.AddWorkingDays(day, random.Next(1, 6)) : (DateOnly?)null;
                if (passedOn is not null)
                {
                    foreach (var code in praise.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                    {
                        compliment.Themes.Add(new ComplimentTheme { CaseId = c.Id, ThemeCode = code });
                    }

                    compliment.PassedOnAt = passedOn.Value.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc);
                    Close(c, passedOn.Value, RecordStates.PassedOn, $"Passed on to {staff.DisplayName} and their manager");
                    if (age < 60 && staff.ManagerId is { } managerId)
                    {
                        // Recent ones reach the managers' notifications page, so a service manager's demo account shows some.
                        db.Notifications.Add(new Notifications.Notification
                        {
                            Id = Guid.CreateVersion7(), UserId = managerId, CaseId = c.Id, Kind = ComplimentHandling.NotificationKind,
                            Title = $"A compliment for {staff.DisplayName}", Body = $"A parent paid {staff.DisplayName} a compliment:\n\n\u201c{compliment.Text}\u201d",
                            CreatedAt = compliment.PassedOnAt.Value,
                        });
                    }
                }

                db.Compliments.Add(compliment);
                Deadline(c, RecordDeadlineKinds.ComplimentPassOn, DeadlineRule.Parse(timescales.ComplimentPassOn), day, passedOn);
            }

            // MP enquiries: about 33 a quarter, many about a complaint, answered within 20 working days.
            for (var n = working ? Poisson(random, 132.0 / 252) : 0; n > 0; n--)
            {
                var c = NewCase(CaseType.MpEnquiry, day, RecordStates.EnquiryReceived, SomeOne(), random.NextDouble() < 0.7 ? Channel.Email : Channel.Letter);
                c.Person.Role = ComplainantRole.Other;
                var consent = random.NextDouble() < 0.9 || age > 30;
                var enquiry = new MpEnquiry
                {
                    CaseId = c.Id, MpName = Mps[random.Next(Mps.Length)], Constituency = areas[random.Next(areas.Count)].Name, Enquiry = MpTexts[random.Next(MpTexts.Length)],
                    ConsentRecordedOn = consent ? day : null, ConsentHow = consent ? ConsentEvidence.SignedConsentFromMp : null, ConsentRecordedBy = consent ? "Robin Ashworth" : null,
                };
                var related = complaints.LastOrDefault(x => x.ReceivedOn <= day && x.ReceivedOn > day.AddDays(-60) && random.NextDouble() < 0.02);
                if (related is not null && random.NextDouble() < 0.6)
                {
                    c.Person = new Person { FullName = related.Person.FullName, Email = related.Person.Email, Role = ComplainantRole.Other, ContactPreference = ContactPreference.Post };
                    c.ServiceAreaId = related.ServiceAreaId;
                    c.CourtCaseNumber = related.CourtCaseNumber;
                    db.CaseLinks.Add(new CaseLink { Id = Guid.CreateVersion7(), CaseId = c.Id, LinkedCaseId = related.Id, CreatedAt = c.ReceivedAt, CreatedBy = "Robin Ashworth" });
                }

                var sent = consent && age > 24 ? calendar.AddWorkingDays(day, 8 + random.Next(15)) : (DateOnly?)null;
                if (sent is { } s)
                {
                    enquiry.ResponseSentOn = s;
                    Close(c, s, RecordStates.ResponseSent, $"Response sent to {enquiry.MpName}");
                }

                db.MpEnquiries.Add(enquiry);
                Deadline(c, RecordDeadlineKinds.MpResponse, DeadlineRule.Parse(timescales.MpEnquiryResponse), day, sent);
            }

            // Ombudsman cases: a few a year, about complaints already answered.
            if (working && random.NextDouble() < 6.0 / 252)
            {
                var complaint = complaints.LastOrDefault(x => x.ClosedAt != null && x.ReceivedOn < day.AddDays(-60) && random.NextDouble() < 0.05);
                if (complaint is not null)
                {
                    AddOmbudsman(db, random, calendar, today, day, age, complaint.Id, complaint.Reference, complaint.Person, complaint.ServiceAreaId, NewCase, Close, Event);
                }
            }

            // Subject access requests: 60–100 a year.
            for (var n = working ? Poisson(random, 80.0 / 252) : 0; n > 0; n--)
            {
                var person = SomeOne(ComplainantRole.Other);
                var c = NewCase(CaseType.SubjectAccessRequest, day, RecordStates.AwaitingIdentity, person, random.NextDouble() < 0.7 ? Channel.Email : Channel.Letter);
                var relationship = random.NextDouble() switch { < 0.75 => SubjectRelationship.Self, < 0.9 => SubjectRelationship.ChildOfRequester, _ => SubjectRelationship.RepresentedPerson };
                var sar = new SubjectAccessRequest
                {
                    CaseId = c.Id, Relationship = relationship, SubjectName = relationship == SubjectRelationship.Self ? person.FullName : Names[random.Next(Names.Length)],
                    SubjectEmail = relationship == SubjectRelationship.Self ? person.Email : null, RequestDetails = "All records about me and my family court case.",
                    AuthorityEvidence = relationship == SubjectRelationship.Self ? null : "Parental responsibility (birth certificate)", IdentityRequestedOn = day,
                };
                var confirmed = day.AddDays(random.Next(0, 12));
                if (confirmed <= today)
                {
                    sar.IdentityConfirmedOn = confirmed;
                    sar.IdentityEvidence = "Passport and a utility bill";
                    c.State = RecordStates.InProgress;
                    var pauses = new List<DeadlinePause>();
                    if (random.NextDouble() < 0.1 && confirmed.AddDays(5) < today)
                    {
                        var stopped = confirmed.AddDays(3);
                        var restarted = stopped.AddDays(4 + random.Next(10));
                        pauses.Add(new DeadlinePause { StoppedOn = stopped, RestartedOn = restarted <= today ? restarted : null, Reason = "waiting for clarification: which years" });
                    }

                    var rule = SarHandling.RuleFor(timescales, day);
                    var extensions = new List<DeadlineExtensionEntry>();
                    if (rule.Kind == DeadlineRuleKind.CalendarMonths && random.NextDouble() < 0.08)
                    {
                        extensions.Add(new DeadlineExtensionEntry { By = timescales.SubjectAccessExtension, Reason = "Records from several court cases need third-party redaction", AgreedBy = "Kim Osei", AgreedOn = confirmed.AddDays(10) });
                    }

                    var due = DeadlineCalculator.Compute(calendar, rule, confirmed,
                        pauses.Select(p => new ClockPause(p.StoppedOn, p.RestartedOn ?? today.AddDays(1), p.Reason)).ToList(),
                        extensions.Select(e => new DeadlineExtension(DeadlineRule.Parse(e.By), e.Reason, e.AgreedBy, e.AgreedOn)).ToList()).DueOn;
                    var disclosed = due.AddDays(-random.Next(0, 12)) is var d && d < today && pauses.All(p => p.RestartedOn is not null) ? d : (DateOnly?)null;
                    if (disclosed is { } on)
                    {
                        sar.DisclosedOn = on;
                        sar.PagesDisclosed = 20 + random.Next(400);
                        sar.Exemptions = random.NextDouble() < 0.7 ? ["third-party"] : [];
                        Close(c, on, RecordStates.Disclosed, "Disclosure sent");
                        if (random.NextDouble() < 0.03)
                        {
                            sar.IcoComplaintOn = on.AddDays(40);
                        }
                    }
                    else if (pauses.Any(p => p.RestartedOn is null))
                    {
                        c.State = RecordStates.AwaitingClarification;
                    }

                    Deadline(c, RecordDeadlineKinds.SarResponse, rule, confirmed, disclosed, pauses, extensions);
                }

                db.SubjectAccessRequests.Add(sar);
            }

            // Feedback: about 2,000 a year, from audits, letters' links and the website.
            for (var n = Poisson(random, 2000.0 / 365); n > 0; n--)
            {
                AddFeedback(db, random, day, age, areas, teams, links);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();
    }

    private static void AddOmbudsman(HeardDbContext db, Random random, WorkingCalendar calendar, DateOnly today, DateOnly day, int age, Guid complaintId, string complaintReference, Person complainant, Guid? areaId,
        Func<CaseType, DateOnly, string, Person, Channel, Case> newCase, Action<Case, DateOnly, string, string> close, Action<Case, DateTime, string, string, string?, string?> addEvent)
    {
        var person = new Person { FullName = complainant.FullName, Email = complainant.Email, Role = complainant.Role, ContactPreference = complainant.ContactPreference };
        var c = newCase(CaseType.OmbudsmanCase, day, RecordStates.OmbudsmanEnquiry, person, Channel.Email);
        c.ServiceAreaId = areaId;
        var phso = new OmbudsmanCase { CaseId = c.Id, PhsoReference = $"C-{2000000 + random.Next(999999)}", Stage = OmbudsmanStage.Enquiry };
        db.CaseLinks.Add(new CaseLink { Id = Guid.CreateVersion7(), CaseId = c.Id, LinkedCaseId = complaintId, CreatedAt = c.ReceivedAt, CreatedBy = "Morgan Ellis" });
        phso.InformationRequests.Add(new OmbudsmanInformationRequest
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 1, Request = $"The complaint file for {complaintReference} and our final response.",
            RequestedOn = day, DueOn = day.AddDays(14), SentOn = age > 10 ? calendar.AddWorkingDays(day, 5 + random.Next(4)) : null,
        });
        if (age > 60)
        {
            phso.Stage = OmbudsmanStage.Investigation;
            c.State = RecordStates.OmbudsmanInvestigation;
        }

        if (age > 150)
        {
            phso.Outcome = random.NextDouble() switch { < 0.25 => OmbudsmanOutcome.Upheld, < 0.5 => OmbudsmanOutcome.PartlyUpheld, < 0.8 => OmbudsmanOutcome.NotUpheld, _ => OmbudsmanOutcome.NotInvestigated };
            phso.OutcomeOn = day.AddDays(120 + random.Next(25));
            c.State = RecordStates.OmbudsmanDecided;
            addEvent(c, phso.OutcomeOn.Value.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), "phso-decided", $"Ombudsman decided: {phso.Outcome.Value.Describe().ToLowerInvariant()}", RecordStates.OmbudsmanInvestigation, c.State);
            if (phso.Outcome is OmbudsmanOutcome.Upheld or OmbudsmanOutcome.PartlyUpheld)
            {
                var due = phso.OutcomeOn.Value.AddMonths(1);
                // One in three is still awaiting evidence, so the queue has overdue recommendations to show.
                var complied = random.NextDouble() < 0.67 ? due.AddDays(-random.Next(10)) : (DateOnly?)null;
                phso.Recommendations.Add(new OmbudsmanRecommendation
                {
                    Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 1, Text = "Apologise to the complainant and pay £250 for the distress caused by the delay.",
                    ComplianceDueOn = due, RemedyPence = 25000, CompliedOn = complied, RemedyPaidOn = complied, Evidence = complied is null ? null : "Apology letter and payment confirmation sent to the Ombudsman.",
                });
                phso.Recommendations.Add(new OmbudsmanRecommendation
                {
                    Id = Guid.CreateVersion7(), CaseId = c.Id, Number = 2, Text = "Share the learning about keeping parents informed with the team.",
                    ComplianceDueOn = phso.OutcomeOn.Value.AddMonths(3), CompliedOn = complied?.AddDays(30) is { } l && l < today ? l : null,
                    Evidence = complied is null ? null : "Team meeting minutes.",
                });
            }

            if (phso.Recommendations.All(r => r.CompliedOn is not null))
            {
                close(c, phso.Recommendations.Select(r => r.CompliedOn!.Value).DefaultIfEmpty(phso.OutcomeOn.Value).Max(), RecordStates.OmbudsmanClosed, "Closed");
            }
        }

        db.OmbudsmanCases.Add(phso);
    }

    private static List<FeedbackLink> AddFeedbackLinks(HeardDbContext db, List<Organisation.ServiceArea> areas, List<Organisation.Team> teams)
    {
        var links = new List<FeedbackLink>();
        var counter = 0;
        foreach (var area in areas)
        {
            foreach (var (stage, survey) in new[] { (FeedbackStage.EndOfOurWork, SurveyCatalogue.Adult), (FeedbackStage.EndOfOurWork, SurveyCatalogue.Child), (FeedbackStage.Introduction, SurveyCatalogue.Adult) })
            {
                // Deterministic demo tags: eight characters from the tag alphabet, unique per area and stage.
                var code = $"D{counter++:0000000}";
                links.Add(new FeedbackLink
                {
                    Code = code, ServiceAreaId = area.Id, TeamId = teams.FirstOrDefault(t => t.ServiceAreaId == area.Id)?.Id, Stage = stage, SurveyCode = survey,
                    CreatedAt = DateTime.SpecifyKind(new DateTime(2023, 4, 1), DateTimeKind.Utc), CreatedBy = "Chris Mensah",
                });
            }
        }

        db.FeedbackLinks.AddRange(links);
        return links;
    }

    private static void AddFeedback(HeardDbContext db, Random random, DateOnly day, int age, List<Organisation.ServiceArea> areas, List<Organisation.Team> teams, List<FeedbackLink> links)
    {
        var child = random.NextDouble() < 0.12;
        var source = random.NextDouble() switch { < 0.5 => FeedbackSource.CollaborativeAudit, < 0.85 => FeedbackSource.Letter, _ => FeedbackSource.Web };
        var link = source == FeedbackSource.Letter ? links.Where(l => l.SurveyCode == (child ? SurveyCatalogue.Child : SurveyCatalogue.Adult)).ElementAt(random.Next(child ? links.Count / 3 : links.Count * 2 / 3)) : null;
        var area = link?.ServiceAreaId ?? (source == FeedbackSource.CollaborativeAudit ? areas[random.Next(areas.Count)].Id : null);
        var score = Score(random, child);
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), SurveyCode = child ? SurveyCatalogue.Child : SurveyCatalogue.Adult, Audience = child ? Audience.Child : Audience.Adult, Source = source,
            SubmittedAt = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddMinutes(random.Next(600)), GivenOn = day, LinkCode = link?.Code,
            ServiceAreaId = area, TeamId = link?.TeamId ?? (area is { } a && random.NextDouble() < 0.5 ? teams.FirstOrDefault(t => t.ServiceAreaId == a)?.Id : null),
            Stage = link?.Stage ?? (source == FeedbackSource.CollaborativeAudit ? FeedbackStage.DuringOurWork : null), Score = score,
            EnteredBy = source == FeedbackSource.CollaborativeAudit ? "Service manager" : null,
        };
        response.Answers.Add(new FeedbackAnswer { ResponseId = response.Id, QuestionKey = "overall", Score = score });
        if (random.NextDouble() < 0.5)
        {
            // The second question is optional; about half answer it.
            response.Answers.Add(new FeedbackAnswer { ResponseId = response.Id, QuestionKey = child ? "listened" : "explained", Score = Math.Clamp(score + random.Next(-1, 2), 1, 5) });
        }
        if (random.NextDouble() < 0.4)
        {
            response.HasText = true;
            var text = child ? ChildTexts[random.Next(ChildTexts.Length)] : score >= 4 ? AdultWentWell[random.Next(AdultWentWell.Length)] : AdultDoBetter[random.Next(AdultDoBetter.Length)];
            response.Answers.Add(new FeedbackAnswer { ResponseId = response.Id, QuestionKey = child ? "tell-us" : score >= 4 ? "went-well" : "do-better", Text = text });
            if (age > 30)
            {
                response.ThemedAt = response.SubmittedAt.AddDays(7);
                response.ThemedBy = "Morgan Ellis";
                response.Themes.Add(new FeedbackTheme { ResponseId = response.Id, ThemeCode = score >= 4 ? (child ? "listened-to" : "explained-clearly") : (random.NextDouble() < 0.5 ? "bias" : "not-listened-to") });
            }
        }

        db.FeedbackResponses.Add(response);
    }

    /// <summary>Scores with the averages of the July 2023 board paper: children about 4.25, adults about 4.08.</summary>
    private static int Score(Random random, bool child)
    {
        double[] weights = child ? [0.03, 0.04, 0.11, 0.30, 0.52] : [0.04, 0.06, 0.13, 0.31, 0.46];
        var x = random.NextDouble();
        for (var i = 0; i < 5; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i + 1;
            }
        }

        return 5;
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
