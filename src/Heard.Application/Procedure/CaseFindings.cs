using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Procedure;

/// <summary>A finding on one issue as given on the form.</summary>
public sealed record FindingInput
{
    public string? ThemeCode { get; init; }
    public Finding? Finding { get; init; }
    public string? WhatHappened { get; init; }
    public string? WhatShouldHaveHappened { get; init; }
    public string? Standard { get; init; }
    public string? Summary { get; init; }
}

/// <summary>A remedy as given on the form.</summary>
public sealed record RemedyInput
{
    public RemedyKind? Kind { get; init; }
    public int? IssueNumber { get; init; }
    public string? Reason { get; init; }
    public decimal? Amount { get; init; }
}

/// <summary>
/// What an investigation concludes: a finding with its theme for each issue, the remedies, and what was learned.
/// Who may record each, and in which states, is the case's policy's (<see cref="ProcedurePolicy.Permissions"/>);
/// a financial remedy above the policy's threshold waits for approval by the role the policy names. Each change
/// is saved with its event, and a change based on an older version of the case is refused.
/// </summary>
public sealed class CaseFindings(
    HeardDbContext db,
    ComplaintProcedure procedure,
    CaseHistory history,
    ChildrensComplaints children,
    TimeProvider clock)
{
    /// <summary>The largest payment Heard records in one remedy; anything larger is surely a typing mistake.</summary>
    public const decimal MaximumAmount = 100_000m;

    public async Task RecordFindingAsync(Guid caseId, int expectedVersion, int issueNumber, FindingInput input, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await ChangeAsync(caseId, expectedVersion, PolicyActions.RecordFinding, "record findings", who, async (@case, policy, actor) =>
        {
            var issue = @case.Issues.FirstOrDefault(i => i.Number == issueNumber)
                ?? throw new TransitionRefusedException($"The complaint has no issue {issueNumber}.");
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(input.ThemeCode))
            {
                errors.Add(new FieldError(nameof(FindingInput.ThemeCode), $"Select the theme of issue {issueNumber}"));
            }
            else if (!await db.Themes.AnyAsync(t => t.Code == input.ThemeCode && t.Active, cancellationToken))
            {
                errors.Add(new FieldError(nameof(FindingInput.ThemeCode), $"Select a theme from the list for issue {issueNumber}"));
            }

            if (input.Finding is null || !Enum.IsDefined(input.Finding.Value))
            {
                errors.Add(new FieldError(nameof(FindingInput.Finding), $"Select the finding on issue {issueNumber}"));
            }

            var needsReasons = input.Finding is Finding.Upheld or Finding.PartlyUpheld;
            if (input.Finding is not null and not Finding.NoFinding && string.IsNullOrWhiteSpace(input.WhatHappened))
            {
                errors.Add(new FieldError(nameof(FindingInput.WhatHappened), "Enter what happened"));
            }

            if (needsReasons && string.IsNullOrWhiteSpace(input.WhatShouldHaveHappened))
            {
                errors.Add(new FieldError(nameof(FindingInput.WhatShouldHaveHappened), "Enter what should have happened"));
            }

            if (needsReasons && string.IsNullOrWhiteSpace(input.Standard))
            {
                errors.Add(new FieldError(nameof(FindingInput.Standard), "Enter the standard or policy it is measured against"));
            }

            Limit(errors, input.WhatHappened, Limits.LongText, nameof(FindingInput.WhatHappened), "What happened");
            Limit(errors, input.WhatShouldHaveHappened, Limits.LongText, nameof(FindingInput.WhatShouldHaveHappened), "What should have happened");
            Limit(errors, input.Standard, Limits.Name, nameof(FindingInput.Standard), "The standard");
            Limit(errors, input.Summary, Limits.LongText, nameof(FindingInput.Summary), "The summary");
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var before = new { issue.ThemeCode, issue.Finding };
            issue.ThemeCode = input.ThemeCode!.Trim();
            issue.Finding = input.Finding;
            issue.WhatHappened = Tidy(input.WhatHappened);
            issue.WhatShouldHaveHappened = Tidy(input.WhatShouldHaveHappened);
            issue.Standard = Tidy(input.Standard);
            issue.FindingSummary = Tidy(input.Summary);
            var theme = await db.Themes.Where(t => t.Code == issue.ThemeCode).Select(t => t.Name).FirstAsync(cancellationToken);
            history.Record(@case, actor, "finding-recorded",
                $"Issue {issue.Number}: {issue.Finding!.Value.Describe()} ({theme})",
                data: new { issue = issue.Number, theme = issue.ThemeCode, finding = issue.Finding.ToString(), before = new { before.ThemeCode, finding = before.Finding?.ToString() } });
        }, cancellationToken);
    }

    public async Task AddRemedyAsync(Guid caseId, int expectedVersion, RemedyInput input, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await ChangeAsync(caseId, expectedVersion, PolicyActions.AddRemedy, "add remedies", who, (@case, policy, actor) =>
        {
            var errors = new List<FieldError>();
            if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
            {
                errors.Add(new FieldError(nameof(RemedyInput.Kind), "Select the kind of remedy"));
            }

            var financial = input.Kind == RemedyKind.FinancialRedress;
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                errors.Add(new FieldError(nameof(RemedyInput.Reason), financial ? "Enter the reason for the payment" : "Enter the reason for the remedy: what it is and why"));
            }
            else
            {
                Limit(errors, input.Reason, Limits.LongText, nameof(RemedyInput.Reason), "The reason");
            }

            if (financial)
            {
                if (input.Amount is not { } amount)
                {
                    errors.Add(new FieldError(nameof(RemedyInput.Amount), "Enter the amount of the payment"));
                }
                else if (amount <= 0)
                {
                    errors.Add(new FieldError(nameof(RemedyInput.Amount), "The amount must be more than £0"));
                }
                else if (amount > MaximumAmount)
                {
                    errors.Add(new FieldError(nameof(RemedyInput.Amount), $"The amount must be £{MaximumAmount.ToString("N0", CultureInfo.InvariantCulture)} or less"));
                }
                else if (decimal.Round(amount, 2) != amount)
                {
                    errors.Add(new FieldError(nameof(RemedyInput.Amount), "The amount must be in pounds and pence, like 250 or 249.50"));
                }
            }

            if (input.IssueNumber is { } number && @case.Issues.All(i => i.Number != number))
            {
                errors.Add(new FieldError(nameof(RemedyInput.IssueNumber), $"The complaint has no issue {number}"));
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var needsApproval = financial && policy.NeedsApproval(input.Amount!.Value);
            var remedy = new Remedy
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                IssueNumber = input.IssueNumber,
                Kind = input.Kind!.Value,
                Reason = input.Reason!.Trim(),
                Amount = financial ? input.Amount : null,
                NeedsApproval = needsApproval,
                ApproverRole = needsApproval ? policy.Remedies.ApproverRole : null,
                RecordedById = who.UserId,
                RecordedByName = who.Name,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Remedies.Add(remedy);
            var what = financial ? $"Financial redress of £{input.Amount!.Value.ToString("N2", CultureInfo.InvariantCulture)}" : remedy.Kind.Describe();
            history.Record(@case, actor, "remedy-added",
                needsApproval ? $"Remedy: {what}, waiting for approval by the {Roles.Describe(policy.Remedies.ApproverRole).ToLowerInvariant()}" : $"Remedy: {what}",
                reason: remedy.Reason,
                data: new { remedyId = remedy.Id, kind = remedy.Kind.ToString(), amount = remedy.Amount, needsApproval, issue = remedy.IssueNumber });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task ApproveRemedyAsync(Guid caseId, int expectedVersion, Guid remedyId, StaffMember who, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(caseId, expectedVersion, PolicyActions.ApproveRemedy, "approve payments", who, async (@case, policy, actor) =>
        {
            var remedy = await db.Remedies.FirstOrDefaultAsync(r => r.Id == remedyId && r.CaseId == @case.Id, cancellationToken)
                ?? throw new TransitionRefusedException("There is no such remedy on this complaint.");
            if (!remedy.AwaitingApproval)
            {
                throw new TransitionRefusedException("That remedy is not waiting for approval.");
            }

            if (remedy.RecordedById == who.UserId)
            {
                throw new TransitionRefusedException("A payment must be approved by someone other than the person who recorded it.");
            }

            remedy.ApprovedById = who.UserId;
            remedy.ApprovedByName = who.Name;
            remedy.ApprovedAt = clock.GetUtcNow().UtcDateTime;
            history.Record(@case, actor, "remedy-approved",
                $"Payment of £{remedy.Amount?.ToString("N2", CultureInfo.InvariantCulture)} approved by {who.Name} ({Roles.Describe(actor.Role)})",
                data: new { remedyId = remedy.Id, amount = remedy.Amount });
        }, cancellationToken);
    }

    public async Task AddLearningPointAsync(Guid caseId, int expectedVersion, string? text, StaffMember who, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(caseId, expectedVersion, PolicyActions.AddLearningPoint, "add learning points", who, (@case, policy, actor) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ValidationFailedException([new FieldError("LearningPoint", "Enter the learning point")]);
            }

            if (text.Length > Limits.Adjustments)
            {
                throw new ValidationFailedException([new FieldError("LearningPoint", $"The learning point must be {Limits.Adjustments:N0} characters or fewer")]);
            }

            var point = new LearningPoint
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Text = text.Trim(),
                RecordedById = who.UserId,
                RecordedByName = who.Name,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.LearningPoints.Add(point);
            history.Record(@case, actor, "learning-point", "Learning point added", reason: point.Text, data: new { learningPointId = point.Id });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Loads the case, checks its version, that the person can see it and that the case's policy lets them do
    /// <paramref name="action"/> in its state; runs <paramref name="change"/>; saves once.
    /// </summary>
    private async Task ChangeAsync(Guid caseId, int expectedVersion, string action, string doing, StaffMember who, Func<Case, ProcedurePolicy, Actor, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        try
        {
            var @case = await procedure.LoadAsync(caseId, cancellationToken);
            if (@case.Version != expectedVersion)
            {
                throw new StaleCaseException();
            }

            if (!await children.CanSeeAsync(who, @case, cancellationToken))
            {
                throw new TransitionRefusedException(ComplaintProcedure.NotShared);
            }

            var policy = await procedure.PolicyOfAsync(@case, cancellationToken);
            var role = policy.RoleFor(action, @case.State, who.Roles)
                ?? throw new TransitionRefusedException(Refusal(policy, action, doing, @case.State));
            await change(@case, policy, who.As(role));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Why someone may not do an action: the wrong state, or the wrong role.</summary>
    public static string Refusal(ProcedurePolicy policy, string action, string doing, string state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (action == PolicyActions.ApproveRemedy)
        {
            return $"Under the {policy.Name} only the {Roles.Describe(policy.Remedies.ApproverRole).ToLowerInvariant()} can approve payments above £{policy.Remedies.ApprovalAbove.ToString("N0", CultureInfo.InvariantCulture)}, while the complaint is being investigated.";
        }

        var allowance = policy.Permissions.FirstOrDefault(p => p.Action == action);
        if (allowance is null)
        {
            return $"The {policy.Name} does not let anyone {doing}.";
        }

        if (!allowance.States.Contains(state))
        {
            return $"You cannot {doing} while the complaint is {policy.StateName(state).ToLowerInvariant()}. Under the {policy.Name} you can while it is {ProcedurePolicy.EitherOf([.. allowance.States.Select(s => policy.StateName(s).ToLowerInvariant())])}.";
        }

        return $"Under the {policy.Name} only the {ProcedurePolicy.EitherOf([.. allowance.Roles.Select(r => Roles.Describe(r).ToLowerInvariant())])} can {doing}.";
    }

    private static void Limit(List<FieldError> errors, string? value, int max, string field, string what)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, $"{what} must be {max:N0} characters or fewer"));
        }
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
