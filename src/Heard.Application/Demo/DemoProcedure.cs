using System.Text.Json;
using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Demo;

/// <summary>
/// Walks each demo complaint through the procedure it follows, as far as it would have got by today: the
/// acknowledgement letter, the eligibility decision (a few not complaints, matters for the court, out of time),
/// early resolution for some, investigation by a responsible manager with a conversation, findings with themes
/// (about a third upheld fully or in part), remedies with a few modest payments, holding letters for some late
/// responses, the outcome letter and closure; some are withdrawn. Each step is written as the procedure would
/// write it (state, progress, deadlines from the deadline calculator, letters, events), but straight into the
/// unit of work rather than through the services, so that thousands of complaints load in seconds.
/// </summary>
internal sealed class DemoProcedure
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HeardDbContext db;
    private readonly DemoData.Staff staff;
    private readonly DateOnly today;
    private readonly WorkingCalendar calendar;
    private readonly List<PolicyHeader> headers;
    private readonly Dictionary<string, ProcedurePolicy> policies;
    private readonly BulkRows<CaseEvent> events;
    private readonly BulkRows<Letter> letters;

    private DemoProcedure(HeardDbContext db, DemoData.Staff staff, DateOnly today, WorkingCalendar calendar, List<PolicyHeader> headers, Dictionary<string, ProcedurePolicy> policies)
    {
        this.db = db;
        this.staff = staff;
        this.today = today;
        this.calendar = calendar;
        this.headers = headers;
        this.policies = policies;
        events = new BulkRows<CaseEvent>(db);
        letters = new BulkRows<Letter>(db);
    }

    /// <summary>Saves what the walks so far have added: the cases and their records, then their histories and letters.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await letters.FlushAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
    }

    public static async Task<DemoProcedure> CreateAsync(HeardDbContext db, DemoData.Staff staff, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.PolicyVersions.AsNoTracking().ToListAsync(cancellationToken);
        var vocabulary = PolicyCatalogue.VocabularyOf(LetterTemplates.BuiltIn);
        var policies = rows.ToDictionary(r => r.Key, r => PolicyReader.Read(r.Definition, vocabulary).Policy
            ?? throw new InvalidOperationException($"The stored policy {r.Key} does not read."));
        var headers = rows.Select(r => new PolicyHeader(r.Code, r.Version, policies[r.Key].Audience, r.EffectiveFrom, r.CreatedAt)).ToList();
        var changes = await db.CalendarChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new DemoProcedure(db, staff, today, WorkingCalendar.FromHistory(changes.Select(c => c.ToDomain())), headers, policies);
    }

    /// <summary>Takes <paramref name="case"/> (already added, in state received) as far through its procedure as it would have got by today.</summary>
    public void Walk(Case @case, IReadOnlyDictionary<int, string> themeOf, Random random)
    {
        var header = PolicySelection.For(headers, @case.Audience, @case.ReceivedOn)
            ?? throw new InvalidOperationException($"No procedure covers a demo complaint received on {@case.ReceivedOn}.");
        new Walker(this, @case, policies[header.Key], themeOf, random).Run();
    }

    private sealed record Who(Guid? Id, string Name, string Role, string? Title);

    private static Who Of(HeardUser user, string role) => new(user.Id, user.DisplayName, role, user.JobTitle);

    /// <summary>One complaint's walk: the state it has reached and everything written on the way.</summary>
    private sealed class Walker(DemoProcedure demo, Case @case, ProcedurePolicy policy, IReadOnlyDictionary<int, string> themeOf, Random random)
    {
        private readonly List<CaseDeadline> deadlines = [];
        private readonly List<Remedy> remedies = [];
        private readonly ComplaintProgress progress = new() { CaseId = @case.Id };
        private readonly bool child = @case.Audience == Audience.Child;
        private DateTime last = @case.ReceivedAt;
        private int events;

        private Who Decider { get; } = @case.Audience == Audience.Child
            ? Of(demo.staff.ChildrensComplaintsManager, Roles.ChildrensComplaintsManager)
            : Of(demo.staff.ComplaintsTeam[random.Next(demo.staff.ComplaintsTeam.Count)], Roles.ComplaintsTeam);

        private Who ServiceManager => Of(demo.staff.ServiceManagers[@case.ServiceAreaId!.Value], Roles.ServiceManager);

        private Who HeadOfPractice => Of(demo.staff.HeadsOfPractice[@case.ServiceAreaId!.Value], Roles.HeadOfPractice);

        public void Run()
        {
            @case.PolicyCode = policy.Key;
            demo.db.ComplaintProgress.Add(progress);
            var web = @case.Channel == Channel.Web;
            Event(@case.ReceivedAt, "received", web ? new Who(null, Actor.Public.Name, Actor.PublicRole, null) : Decider,
                $"Received by {@case.Channel.Describe()}", to: ComplaintStates.Received,
                data: new { channel = @case.Channel.ToString(), receivedOn = @case.ReceivedOn, issues = @case.Issues.Count, policy = policy.Key });
            foreach (var promise in policy.Deadlines.Where(d => d.StartsAtReceipt))
            {
                SetDeadline(promise.Kind, promise.Rule, @case.ReceivedOn, @case.ReceivedAt, web ? new Who(null, Actor.Public.Name, Actor.PublicRole, null) : Decider);
            }

            try
            {
                Proceed();
            }
            finally
            {
                @case.UpdatedAt = last;
                @case.Version = events;
            }
        }

        private void Proceed()
        {
            if (child)
            {
                // The children's complaints manager talks to every child, nearly always within a working day.
                var contact = After(@case.ReceivedOn, random.NextDouble() < 0.9 ? random.Next(2) : 2 + random.Next(2));
                if (!Reached(contact))
                {
                    return;
                }

                Step(ProcedureSteps.RecordFirstContact, contact, Decider, data: new { on = contact });
                progress.FirstContactOn = contact;
                Met(DeadlineKinds.FirstContact, contact, Decider);
            }

            var acknowledged = After(@case.ReceivedOn, random.NextDouble() switch { < 0.15 => 0, < 0.6 => 1, < 0.85 => 2, < 0.95 => 3, _ => 4 + random.Next(2) });
            if (!Reached(acknowledged))
            {
                return;
            }

            Letter("acknowledgement", acknowledged, Decider);
            Step(ProcedureSteps.Acknowledge, acknowledged, Decider, data: new { byLetter = true });
            Met(DeadlineKinds.Acknowledgement, acknowledged, Decider);

            var decided = After(acknowledged, random.Next(3));
            if (!Reached(decided))
            {
                return;
            }

            if (!Decide(decided, out var accepted))
            {
                return;
            }

            if (random.NextDouble() < 0.05)
            {
                var withdrawn = After(accepted, 1 + random.Next(8));
                if (Reached(withdrawn))
                {
                    var reason = Pick(WithdrawnReasons);
                    Step(ProcedureSteps.Withdraw, withdrawn, Decider, reason);
                    progress.WithdrawnReason = reason;
                    Finish(withdrawn);
                }

                return;
            }

            if (policy.Transition(ProcedureSteps.OfferEarlyResolution) is not null && random.NextDouble() < (child ? 0.25 : 0.2))
            {
                EarlyResolution(accepted);
                return;
            }

            var started = After(accepted, random.Next(3));
            if (Reached(started))
            {
                var manager = random.NextDouble() < 0.8 ? ServiceManager : HeadOfPractice;
                AssignResponsible(manager);
                Step(ProcedureSteps.StartInvestigation, started, Decider, summary: $"Start the investigation: {State(ComplaintStates.Accepted)} → {State(ComplaintStates.Investigation)}. Responsible manager: {manager.Name}",
                    data: new { managerId = manager.Id, assigns = PolicyReader.ResponsibleManager });
                Investigate(started, manager);
            }
        }

        /// <summary>The eligibility decision; false when it ends the complaint (or today comes first).</summary>
        private bool Decide(DateOnly day, out DateOnly accepted)
        {
            accepted = day;
            var roll = random.NextDouble();
            if (roll < 0.04)
            {
                var route = policy.Routes[random.Next(policy.Routes.Count)];
                Step(ProcedureSteps.NotAComplaint, day, Decider, "Passed on the same day and the person told where it went.",
                    summary: $"Pass on: not a complaint: {State(ComplaintStates.Acknowledged)} → {State(ComplaintStates.NotAComplaint)}. {route.Text}", data: new { route = route.Code });
                progress.EligibilityDecision = ProcedureSteps.NotAComplaint;
                progress.Route = route.Code;
                Met(DeadlineKinds.Response, day, Decider);
                Finish(day);
                return false;
            }

            if (roll < 0.10)
            {
                var reason = Pick(CourtReasons);
                var copy = random.NextDouble() < 0.3;
                foreach (var issue in @case.Issues)
                {
                    issue.ThemeCode = "professional-judgement";
                }

                Step(ProcedureSteps.RedirectToCourt, day, Decider, reason, data: new { copyToCourt = copy });
                progress.EligibilityDecision = ProcedureSteps.RedirectToCourt;
                progress.CopyToCourt = copy;
                Met(DeadlineKinds.Response, day, Decider);
                Letter("matter-for-the-court", day, Decider, new() { ["DecisionReason"] = reason, ["CourtCopyText"] = copy ? "We are sending a copy of this letter to the court." : "" });
                Finish(day);
                return false;
            }

            if (policy.TimeLimit is { } limit)
            {
                if (roll < 0.14)
                {
                    // Out of time: the person complains seven months to a year after the service's work ended.
                    @case.InvolvementEndedOn = @case.ReceivedOn.AddDays(-(215 + random.Next(150)));
                    if (random.NextDouble() < 0.6)
                    {
                        var reason = Pick(RefusedReasons);
                        Step(ProcedureSteps.RefuseOutOfTime, day, Decider, reason);
                        progress.EligibilityDecision = ProcedureSteps.RefuseOutOfTime;
                        Met(DeadlineKinds.Response, day, Decider);
                        Letter("out-of-time", day, Decider, new() { ["DecisionReason"] = reason });
                        Finish(day);
                        return false;
                    }

                    var criterion = limit.DiscretionCriteria[random.Next(limit.DiscretionCriteria.Count)];
                    Step(ProcedureSteps.AcceptByDiscretion, day, Decider, "Considered against the criteria: it applies here, and the records are still available.",
                        summary: $"Accept out of time by discretion: {State(ComplaintStates.Acknowledged)} → {State(ComplaintStates.Accepted)}. Criterion: {criterion.Text}",
                        data: new { criterion = criterion.Code });
                    progress.EligibilityDecision = ProcedureSteps.AcceptByDiscretion;
                    progress.DiscretionCriterion = criterion.Code;
                    return true;
                }

                if (!limit.Check(demo.calendar, @case.ReceivedOn, @case.InvolvementEndedOn).InTime)
                {
                    // Everyone else complained within the limit.
                    @case.InvolvementEndedOn = @case.ReceivedOn.AddDays(-(5 + random.Next(150)));
                }
            }

            Step(ProcedureSteps.Accept, day, Decider);
            progress.EligibilityDecision = ProcedureSteps.Accept;
            return true;
        }

        private void EarlyResolution(DateOnly accepted)
        {
            var offered = After(accepted, random.Next(2));
            if (!Reached(offered))
            {
                return;
            }

            Step(ProcedureSteps.OfferEarlyResolution, offered, Decider);
            Letter("early-resolution-consent", offered, Decider);
            if (random.NextDouble() < 0.25)
            {
                var refused = After(offered, 1 + random.Next(4));
                if (Reached(refused))
                {
                    var manager = ServiceManager;
                    AssignResponsible(manager);
                    Step(ProcedureSteps.ConsentRefused, refused, Decider, "The person would rather the complaint was investigated formally.",
                        summary: $"Consent refused: investigate: {State(ComplaintStates.AwaitingConsent)} → {State(ComplaintStates.Investigation)}. Responsible manager: {manager.Name}",
                        data: new { managerId = manager.Id, assigns = PolicyReader.ResponsibleManager });
                    Investigate(refused, manager);
                }

                return;
            }

            var consent = After(offered, 1 + random.Next(4));
            if (!Reached(consent))
            {
                return;
            }

            progress.ConsentGivenOn = consent;
            Who resolver;
            if (child)
            {
                resolver = Decider;
                Step(ProcedureSteps.RecordConsent, consent, Decider, data: new { on = consent });
            }
            else
            {
                resolver = ServiceManager;
                progress.LocalServiceManagerId = resolver.Id;
                progress.LocalServiceManagerAssignedOn = consent;
                @case.AssignedToId = resolver.Id;
                Step(ProcedureSteps.RecordConsent, consent, Decider,
                    summary: $"Record written consent: {State(ComplaintStates.AwaitingConsent)} → {State(ComplaintStates.EarlyResolution)}. Local service manager: {resolver.Name} on {CalendarText.FullDate(consent)}",
                    data: new { on = consent, managerId = resolver.Id, assigns = PolicyReader.LocalServiceManager });
                SetDeadline(DeadlineKinds.FirstContact, policy.Deadline(DeadlineKinds.FirstContact)!.Rule, consent, At(consent), Decider);
                var contact = random.NextDouble() < 0.9 ? consent : After(consent, 1);
                if (!Reached(contact))
                {
                    return;
                }

                Step(ProcedureSteps.RecordContact, contact, resolver, summary: $"Record contact made on {CalendarText.FullDate(contact)}", data: new { on = contact });
                progress.EarlyContactOn = contact;
                Met(DeadlineKinds.FirstContact, contact, resolver);
            }

            var outcome = After(consent, 2 + random.Next(7));
            if (!Reached(outcome))
            {
                return;
            }

            if (random.NextDouble() < 0.65)
            {
                foreach (var issue in @case.Issues)
                {
                    issue.ThemeCode = themeOf[issue.Number];
                    Event(At(outcome), "finding-recorded", resolver, $"Issue {issue.Number}: theme {issue.ThemeCode}", data: new { issue = issue.Number, theme = issue.ThemeCode });
                }

                var agreed = Pick(child ? ChildResolutions : AdultResolutions);
                Step(ProcedureSteps.ResolveEarly, outcome, resolver, agreed);
                progress.ResolvedEarly = true;
                progress.ResponseSentOn = outcome;
                Met(DeadlineKinds.Response, outcome, resolver);
                Finish(outcome);
                return;
            }

            var manager2 = random.NextDouble() < 0.7 ? ServiceManager : HeadOfPractice;
            progress.ResolvedEarly = false;
            AssignResponsible(manager2);
            Step(ProcedureSteps.EarlyResolutionFailed, outcome, resolver, "The person wants a formal investigation of what happened.",
                summary: $"Not resolved: investigate: {State(ComplaintStates.EarlyResolution)} → {State(ComplaintStates.Investigation)}. Responsible manager: {manager2.Name}",
                data: new { managerId = manager2.Id, assigns = PolicyReader.ResponsibleManager });
            Investigate(outcome, manager2);
        }

        private void AssignResponsible(Who manager)
        {
            progress.ResponsibleManagerId = manager.Id;
            @case.AssignedToId = manager.Id;
        }

        private void Investigate(DateOnly started, Who manager)
        {
            progress.ResponsibleManagerAssignedOn = started;
            if (child)
            {
                demo.db.CaseShares.Add(new CaseShare
                {
                    Id = Guid.CreateVersion7(),
                    CaseId = @case.Id,
                    UserId = manager.Id!.Value,
                    Reason = "Investigating as the responsible manager",
                    SharedById = Decider.Id,
                    SharedByName = Decider.Name,
                    SharedAt = At(started),
                });
                Event(At(started), "shared", Decider, $"Shared with {manager.Name}", "Investigating as the responsible manager", data: new { userId = manager.Id });
            }

            var declared = After(started, random.Next(3));
            if (!Reached(declared))
            {
                return;
            }

            var conflict = random.NextDouble() < 0.03;
            progress.ConflictOfInterest = conflict;
            progress.ConflictDetails = conflict ? "Knows the practitioner's family socially; a second head of practice reviews the response." : null;
            Step(ProcedureSteps.DeclareConflict, declared, manager, summary: conflict ? "Declare conflicts of interest. Conflict of interest declared" : "Declare conflicts of interest. No conflict of interest",
                data: new { conflict });

            if (!child)
            {
                var offered = After(declared, random.Next(3));
                if (!Reached(offered))
                {
                    return;
                }

                progress.ConversationOfferedOn = offered;
                Step(ProcedureSteps.OfferConversation, offered, manager);
                Letter("offer-of-conversation", offered, manager, responsible: manager.Name);
                if (random.NextDouble() < 0.65)
                {
                    var held = After(offered, 2 + random.Next(5));
                    if (!Reached(held))
                    {
                        return;
                    }

                    progress.ConversationHeldOn = held;
                    Step(ProcedureSteps.RecordConversation, held, manager, summary: $"Record the conversation held on {CalendarText.FullDate(held)}", data: new { on = held });
                }
            }

            var response = deadlines.Single(d => d.Kind == DeadlineKinds.Response);
            var due = response.DueOn;
            var earliest = After(started, 3);
            var late = random.NextDouble() < 0.28;
            DateOnly respondOn;
            if (!late)
            {
                respondOn = earliest >= due ? due : After(earliest, random.Next(Math.Max(1, demo.calendar.CountWorkingDays(earliest, due) + 1)));
            }
            else if (random.NextDouble() < 0.55)
            {
                // Late, but the person was told before the date: a holding letter moves it, agreed by the head of practice.
                var holdingOn = due <= earliest ? due : Before(due, random.Next(3));
                if (holdingOn < started)
                {
                    holdingOn = started;
                }

                if (!Reached(holdingOn))
                {
                    return;
                }

                var extraDays = 5 + random.Next(6);
                var newDue = After(due, extraDays);
                var reason = Pick(DelayReasons);
                var agreedBy = $"{HeadOfPractice.Name}, head of practice";
                Step(ProcedureSteps.HoldingLetter, holdingOn, manager, reason,
                    summary: $"Send a holding letter. New response date {CalendarText.FullDate(newDue)}, agreed by {agreedBy}", data: new { newDueOn = newDue, agreedBy });
                Extend(response, DeadlineRule.WorkingDays(extraDays), reason, agreedBy, holdingOn, manager);
                progress.HoldingLetters++;
                Letter("holding-letter", holdingOn, manager, new()
                {
                    ["PreviousResponseDueOn"] = CalendarText.FullDate(due),
                    ["NewResponseDueOn"] = CalendarText.FullDate(newDue),
                    ["DelayReason"] = reason,
                    ["AgreedBy"] = agreedBy,
                });
                respondOn = random.NextDouble() < 0.85 ? Before(newDue, random.Next(3)) : After(newDue, 1 + random.Next(3));
                if (respondOn <= holdingOn)
                {
                    respondOn = After(holdingOn, 1);
                }
            }
            else
            {
                respondOn = After(due, 1 + random.Next(10));
            }

            var concluded = respondOn <= started ? started : Before(respondOn, 1) is var before && before < started ? started : before;
            if (!Reached(concluded))
            {
                return;
            }

            Conclude(concluded, manager);
            if (!Reached(respondOn))
            {
                return;
            }

            Letter("outcome", respondOn, child ? Decider : manager, responsible: manager.Name);
            Step(ProcedureSteps.SendResponse, respondOn, child ? Decider : manager, data: new { byLetter = true });
            progress.ResponseSentOn = respondOn;
            Met(DeadlineKinds.Response, respondOn, child ? Decider : manager);

            var closed = After(respondOn, 2 + random.Next(7));
            if (Reached(closed))
            {
                Step(ProcedureSteps.Close, closed, Decider);
                Finish(closed);
            }
        }

        /// <summary>Findings on every issue (about a third upheld fully or in part), remedies and learning points.</summary>
        private void Conclude(DateOnly day, Who manager)
        {
            var at = At(day);
            var roll = random.NextDouble();
            var outcome = child
                ? roll switch { < 0.15 => Finding.Upheld, < 0.40 => Finding.PartlyUpheld, < 0.92 => Finding.NotUpheld, _ => Finding.NoFinding }
                : roll switch { < 0.12 => Finding.Upheld, < 0.34 => Finding.PartlyUpheld, < 0.94 => Finding.NotUpheld, _ => Finding.NoFinding };
            foreach (var issue in @case.Issues)
            {
                // A complaint partly upheld has at least one issue upheld; with one issue, that issue is partly upheld.
                var finding = outcome switch
                {
                    Finding.PartlyUpheld when @case.Issues.Count > 1 => issue.Number == 1 ? Finding.Upheld : (random.NextDouble() < 0.5 ? Finding.PartlyUpheld : Finding.NotUpheld),
                    _ => outcome,
                };
                issue.ThemeCode = themeOf[issue.Number];
                issue.Finding = finding;
                issue.WhatHappened = finding == Finding.NoFinding ? null : Pick(WhatHappened);
                if (finding is Finding.Upheld or Finding.PartlyUpheld)
                {
                    issue.WhatShouldHaveHappened = Pick(WhatShouldHaveHappened);
                    issue.Standard = Pick(Standards);
                }

                Event(at, "finding-recorded", manager, $"Issue {issue.Number}: {finding.Describe()} ({issue.ThemeCode})",
                    data: new { issue = issue.Number, theme = issue.ThemeCode, finding = finding.ToString() });
            }

            if (outcome is not (Finding.Upheld or Finding.PartlyUpheld))
            {
                return;
            }

            if (random.NextDouble() < 0.9)
            {
                Remedy(RemedyKind.Apology, child ? "We did not listen to you properly, and we should have." : Pick(Apologies), null, manager, at);
            }

            if (random.NextDouble() < 0.4)
            {
                Remedy(RemedyKind.Action, Pick(Actions), null, manager, at);
            }

            if (random.NextDouble() < 0.3)
            {
                Remedy(RemedyKind.Explanation, "An explanation of the family court adviser's role and of what the report is for.", null, manager, at);
            }

            if (!child && random.NextDouble() < 0.07)
            {
                // The 2010 guidance: mostly modest three-figure sums; now and then one needs the head of practice.
                var amount = random.NextDouble() < 0.2 ? 550m + (25 * random.Next(15)) : 100m + (25 * random.Next(15));
                var payment = Remedy(RemedyKind.FinancialRedress, Pick(PaymentReasons), amount, manager, at);
                if (payment.NeedsApproval)
                {
                    var head = HeadOfPractice;
                    payment.ApprovedById = head.Id;
                    payment.ApprovedByName = head.Name;
                    payment.ApprovedAt = At(day);
                    Event(payment.ApprovedAt.Value, "remedy-approved", head, $"Payment of £{amount:N2} approved by {head.Name} (Head of practice)", data: new { remedyId = payment.Id, amount });
                }
            }

            if (random.NextDouble() < 0.5)
            {
                var text = Pick(child ? ChildLearning : AdultLearning);
                demo.db.LearningPoints.Add(new LearningPoint { Id = Guid.CreateVersion7(), CaseId = @case.Id, Text = text, RecordedById = manager.Id, RecordedByName = manager.Name, RecordedAt = At(day) });
                Event(last, "learning-point", manager, "Learning point added", text);
            }
        }

        private Remedy Remedy(RemedyKind kind, string reason, decimal? amount, Who manager, DateTime at)
        {
            var needsApproval = amount is { } pounds && policy.NeedsApproval(pounds);
            var remedy = new Remedy
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Kind = kind,
                Reason = reason,
                Amount = amount,
                NeedsApproval = needsApproval,
                ApproverRole = needsApproval ? policy.Remedies.ApproverRole : null,
                RecordedById = manager.Id,
                RecordedByName = manager.Name,
                RecordedAt = at,
            };
            remedies.Add(remedy);
            demo.db.Remedies.Add(remedy);
            Event(at, "remedy-added", manager, amount is { } a ? $"Remedy: Financial redress of £{a:N2}" : $"Remedy: {kind.Describe()}", reason,
                data: new { remedyId = remedy.Id, kind = kind.ToString(), amount, needsApproval });
            return remedy;
        }

        private void Finish(DateOnly day) => @case.ClosedAt = At(day);

        private void Step(string code, DateOnly day, Who who, string? reason = null, string? summary = null, object? data = null)
        {
            var step = policy.Transition(code) ?? throw new InvalidOperationException($"The {policy.Name} has no step {code}.");
            var from = @case.State;
            var to = step.To ?? from;
            @case.State = to;
            Event(At(day), step.ChangesState ? "transition" : step.Code, who,
                summary ?? (step.ChangesState ? $"{step.Name}: {State(from)} → {State(to)}" : step.Name),
                reason, from, to, data is null ? new { transition = code, policy = policy.Key } : Merge(code, data));
        }

        private Dictionary<string, object?> Merge(string code, object data)
        {
            var fields = JsonSerializer.SerializeToElement(data, Json).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            fields["transition"] = code;
            fields["policy"] = policy.Key;
            return fields;
        }

        private string State(string code) => policy.StateName(code);

        private void Letter(string template, DateOnly day, Who who, Dictionary<string, string?>? extra = null, string? responsible = null)
        {
            var found = LetterTemplates.BuiltIn.Find(template, @case.Audience, policy.Code)!;
            var fields = LetterComposer.Fields(new LetterFacts(@case, policy, @case.Issues, remedies, deadlines, responsible,
                null, who.Name, who.Title ?? Roles.Describe(who.Role), day, demo.calendar));
            foreach (var (key, value) in extra ?? [])
            {
                fields[key] = value;
            }

            var merged = LetterTemplates.Merge(found, fields);
            var at = At(day);
            var letter = new Letter
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Template = template,
                Audience = @case.Audience,
                PolicyCode = policy.Key,
                Subject = merged.Subject,
                Body = merged.Body,
                Status = LetterStatus.Sent,
                Channel = LetterChannel.Email,
                RecipientName = @case.Person.FullName,
                RecipientAddress = @case.Person.Email,
                CreatedAt = at,
                CreatedByName = who.Name,
                SentAt = at,
                SentById = who.Id,
                SentByName = who.Name,
            };
            demo.letters.Add(letter);
            Event(at, "letter-drafted", who, $"Letter drafted: {found.Name}", data: new { letterId = letter.Id, template });
            Event(at, "letter-sent", who, $"Letter sent by email: {found.Name}", data: new { letterId = letter.Id, template, channel = "Email" });
        }

        private void SetDeadline(string kind, DeadlineRule rule, DateOnly startsOn, DateTime at, Who who)
        {
            var computed = DeadlineCalculator.Compute(demo.calendar, rule, startsOn);
            var deadline = new CaseDeadline
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Kind = kind,
                Rule = rule.ToString(),
                StartsOn = startsOn,
                DueOn = computed.DueOn,
                Explanation = computed.Explanation,
                ComputedAt = at,
                CalendarVersion = demo.calendar.Version,
            };
            deadlines.Add(deadline);
            demo.db.CaseDeadlines.Add(deadline);
            Event(at, "deadline-set", who, $"{CaseDeadlines.Describe(kind)} due {CalendarText.FullDate(deadline.DueOn)}",
                data: new { kind, rule = deadline.Rule, startsOn, dueOn = deadline.DueOn, explanation = deadline.Explanation });
        }

        private void Met(string kind, DateOnly on, Who who)
        {
            var deadline = deadlines.FirstOrDefault(d => d.Kind == kind);
            if (deadline is null || deadline.MetOn is not null)
            {
                return;
            }

            deadline.MetOn = on;
            var late = on > deadline.DueOn;
            Event(At(on), "deadline-met", who,
                late ? $"{CaseDeadlines.Describe(kind)} done {CalendarText.FullDate(on)}, after the due date {CalendarText.FullDate(deadline.DueOn)}" : $"{CaseDeadlines.Describe(kind)} done {CalendarText.FullDate(on)}, on time",
                data: new { kind, metOn = on, dueOn = deadline.DueOn, late });
        }

        private void Extend(CaseDeadline deadline, DeadlineRule by, string reason, string agreedBy, DateOnly agreedOn, Who who)
        {
            deadline.Extensions.Add(new DeadlineExtensionEntry { By = by.ToString(), Reason = reason, AgreedBy = agreedBy, AgreedOn = agreedOn });
            var before = deadline.DueOn;
            var computed = DeadlineCalculator.Compute(demo.calendar, DeadlineRule.Parse(deadline.Rule), deadline.StartsOn, null,
                deadline.Extensions.Select(e => new DeadlineExtension(DeadlineRule.Parse(e.By), e.Reason, e.AgreedBy, e.AgreedOn)).ToList());
            deadline.DueOn = computed.DueOn;
            deadline.Explanation = computed.Explanation;
            Event(At(agreedOn), "deadline-extended", who, $"{CaseDeadlines.Describe(deadline.Kind)} extended by {by.DisplayName}: {reason.TrimEnd('.')}. Now due {CalendarText.FullDate(deadline.DueOn)}",
                data: new { kind = deadline.Kind, before, after = deadline.DueOn, explanation = deadline.Explanation });
        }

        private void Event(DateTime at, string kind, Who who, string summary, string? reason = null, string? from = null, string? to = null, object? data = null)
        {
            // Every event after the last one, so that the history reads in the order things happened.
            if (at <= last && events > 0)
            {
                at = last.AddMinutes(1);
            }

            last = at;
            events++;
            demo.events.Add(new CaseEvent
            {
                CaseId = @case.Id,
                At = at,
                Kind = kind,
                ActorId = who.Id,
                ActorName = who.Name,
                ActorRole = who.Role,
                FromState = from,
                ToState = to,
                Reason = reason,
                Summary = summary.Length <= 500 ? summary : summary[..497] + "...",
                Data = data is null ? null : JsonSerializer.Serialize(data, Json),
            });
        }

        private DateTime At(DateOnly day)
        {
            var at = day.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
            return at <= last ? last.AddMinutes(1 + random.Next(30)) : at;
        }

        /// <summary>Only what happened before today is in the demo: later steps have not happened yet.</summary>
        private bool Reached(DateOnly day) => day < demo.today;

        private DateOnly After(DateOnly day, int workingDays) => demo.calendar.AddWorkingDays(day, workingDays);

        private DateOnly Before(DateOnly day, int workingDays)
        {
            for (var i = 0; i < workingDays; i++)
            {
                do
                {
                    day = day.AddDays(-1);
                }
                while (!demo.calendar.IsWorkingDay(day));
            }

            return day;
        }

        private string Pick(string[] items) => items[random.Next(items.Length)];
    }

    private static readonly string[] WithdrawnReasons =
    [
        "The person phoned to say the matter was resolved at the hearing.",
        "The person emailed to withdraw: they have raised it with the court instead.",
        "The person no longer wishes to pursue the complaint.",
        "The person asked to withdraw after speaking to the family court adviser's manager.",
    ];

    private static readonly string[] CourtReasons =
    [
        "The complaint is about the recommendation in the section 7 report, which is for the court to weigh. Explained how to raise disagreement at the next hearing.",
        "The person disagrees with the assessment of the child's wishes and feelings in the report; that is for the court. Explained and signposted.",
        "The complaint asks us to change the recommendation about contact; only the court decides. Explained the difference between judgement and conduct.",
    ];

    private static readonly string[] RefusedReasons =
    [
        "Nothing stopped the person complaining sooner: they were in touch with us about other matters throughout.",
        "None of the criteria applies, and the records of the work are no longer held.",
    ];

    private static readonly string[] AdultResolutions =
    [
        "The local service manager called the same day, apologised and arranged for the report's factual error to be corrected.",
        "The family court adviser called back and explained when the report would be filed; the person was satisfied.",
        "The local service manager explained the adviser's role and arranged a further meeting before the hearing.",
    ];

    private static readonly string[] ChildResolutions =
    [
        "We talked it through. The worker will visit again before the next hearing and explain what happens next.",
        "We agreed the worker will write to the child to say what they shared with the judge.",
    ];

    private static readonly string[] DelayReasons =
    [
        "The family court adviser is on leave and I need to speak to them before I respond.",
        "The case records are in archive storage and have taken longer to retrieve.",
        "The person asked to talk to me after the date we first gave.",
    ];

    private static readonly string[] WhatHappened =
    [
        "The records show the family court adviser spoke to both parents and the children before writing the report.",
        "The adviser did not return three calls in the two weeks before the hearing.",
        "The report was filed two days before the hearing, within the court's direction but too late for the person to respond.",
        "The report recorded a previous address incorrectly and repeated it from an earlier report.",
        "The adviser's notes record the comment the person complained about.",
    ];

    private static readonly string[] WhatShouldHaveHappened =
    [
        "Calls should have been returned within two working days, or a colleague asked to respond.",
        "The report should have been shared in time for the person to read and respond to it.",
        "The factual information should have been checked with the person before it was included.",
        "The adviser should have explained their role and what would happen next at the first meeting.",
    ];

    private static readonly string[] Standards =
    [
        "Cafcass Operating Framework",
        "Practice quality standard: delay",
        "Cafcass Child Protection Policy",
        "Service standard: returning calls within two working days",
    ];

    private static readonly string[] Apologies =
    [
        "For not returning your calls before the hearing.",
        "For the error in the report and the upset it caused.",
        "For not explaining our role clearly at the start.",
    ];

    private static readonly string[] Actions =
    [
        "The report's factual error has been corrected and the court told.",
        "The adviser's manager has discussed returning calls promptly with the team.",
        "The team will share reports with parents at least five working days before hearings where the court's timetable allows.",
    ];

    private static readonly string[] PaymentReasons =
    [
        "Travel costs for a meeting that we cancelled at short notice.",
        "Time off work for a hearing adjourned because our report was late.",
        "Recognition of the distress caused by the error in the report.",
    ];

    private static readonly string[] AdultLearning =
    [
        "Check factual details with parents before they go into a report.",
        "Return calls within two working days, or ask a colleague to.",
        "Explain our role, and when our work ends, at the first meeting.",
    ];

    private static readonly string[] ChildLearning =
    [
        "Keep children updated about when we will next visit them and what will happen next.",
        "Think about what goes into goodbye letters to children and who else may read them.",
        "Reply to a message from a child as a priority.",
    ];
}
