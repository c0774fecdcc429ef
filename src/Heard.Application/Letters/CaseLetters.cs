using System.Net.Mail;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Letters;

/// <summary>A draft as edited on the letter page.</summary>
public sealed record LetterEdit(string? Subject, string? Body, LetterChannel? Channel, string? RecipientName, string? RecipientAddress);

/// <summary>A letter with what the letter page needs to say about it.</summary>
public sealed record LetterView(
    Letter Letter,
    Guid CaseId,
    string CaseReference,
    int CaseVersion,
    string TemplateName,
    IReadOnlyList<string> Unfilled,
    string? StepName,
    IReadOnlyList<string> StepNotYet);

/// <summary>
/// Letters to the person a complaint is from: made from the case's policy's templates, previewed and edited as
/// drafts, then sent. Sending by email puts the email in the outbox in the same transaction; sending by post marks
/// it sent for printing. A letter that takes a step (the acknowledgement, the outcome letter) takes it when sent,
/// in the same transaction, so the response is "sent" exactly when the letter is. What was sent is kept unchanged.
/// </summary>
public sealed class CaseLetters(
    HeardDbContext db,
    ComplaintProcedure procedure,
    LetterComposer composer,
    LetterTemplates templates,
    CaseHistory history,
    Outbox outbox,
    ChildrensComplaints children,
    TimeProvider clock)
{
    public const string StaleLetter = "Someone else changed or sent this letter while you were working on it, so your change was not saved. The letter below is as it is now.";

    public async Task<IReadOnlyList<Letter>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.Letters.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);

    public async Task<LetterView?> FindAsync(Guid caseId, Guid letterId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.CaseId == caseId, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Issues).FirstAsync(c => c.Id == caseId, cancellationToken);
        if (!await children.CanSeeAsync(who, @case, cancellationToken))
        {
            throw new TransitionRefusedException(ComplaintProcedure.NotShared);
        }

        string? stepName = null;
        IReadOnlyList<string> notYet = [];
        if (letter.Status == LetterStatus.Draft && letter.TransitionCode is { } code && @case.PolicyCode is not null)
        {
            var policy = await procedure.PolicyOfAsync(@case, cancellationToken);
            if (policy.Transition(code) is { } step && step.From.Contains(@case.State))
            {
                stepName = step.Name;
                notYet = await procedure.NotYetAsync(@case, policy, step, cancellationToken);
            }
        }

        return new LetterView(letter, @case.Id, @case.Reference, @case.Version, templates.NameOf(letter.Template), LetterTemplates.Unfilled(letter.Subject + "\n" + letter.Body), stepName, notYet);
    }

    /// <summary>Writes a draft from one of the policy's letters, for anyone the policy lets write letters.</summary>
    public async Task<Guid> WriteAsync(Guid caseId, int expectedVersion, string? template, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        return await InCaseAsync(caseId, expectedVersion, who, async (@case, policy) =>
        {
            var role = policy.RoleFor(PolicyActions.WriteLetter, @case.State, who.Roles)
                ?? throw new TransitionRefusedException(CaseFindings.Refusal(policy, PolicyActions.WriteLetter, "write letters", @case.State));
            if (string.IsNullOrWhiteSpace(template) || !policy.Letters.Contains(template))
            {
                throw new ValidationFailedException([new FieldError("Template", "Select the letter to write")]);
            }

            var letter = await composer.DraftAsync(@case, policy, template, who, transitionCode: null, cancellationToken: cancellationToken);
            history.Record(@case, who.As(role), "letter-drafted", $"Letter drafted: {templates.NameOf(template)}", data: new { letterId = letter.Id, template });
            return letter.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// The draft letter whose sending takes <paramref name="transition"/> (acknowledging, sending the response):
    /// the one already drafted for it, or a new one. Refused if the person may not take the step now.
    /// </summary>
    public async Task<Guid> PrepareStepAsync(Guid caseId, int expectedVersion, string transition, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        return await InCaseAsync(caseId, expectedVersion, who, async (@case, policy) =>
        {
            var check = policy.Check(transition, @case.State, who.Roles, Identity.Roles.Describe);
            if (!check.IsAllowed)
            {
                throw new TransitionRefusedException(check.Reason!);
            }

            var step = check.Transition!;
            if (!step.SentWithLetter)
            {
                throw new TransitionRefusedException($"“{step.Name}” is not taken by sending a letter.");
            }

            var existing = await db.Letters.Where(l => l.CaseId == caseId && l.TransitionCode == transition && l.Status == LetterStatus.Draft)
                .OrderByDescending(l => l.CreatedAt).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return id;
            }

            var letter = await composer.DraftAsync(@case, policy, step.Letter!, who, transitionCode: transition, cancellationToken: cancellationToken);
            history.Record(@case, who.As(check.Role!), "letter-drafted", $"Letter drafted: {templates.NameOf(step.Letter!)}", data: new { letterId = letter.Id, template = step.Letter, transition });
            return letter.Id;
        }, cancellationToken);
    }

    /// <summary>Saves changes to a draft. A sent letter cannot change.</summary>
    public async Task UpdateAsync(Guid caseId, Guid letterId, int expectedVersion, LetterEdit edit, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await OnDraftAsync(caseId, letterId, expectedVersion, who, (letter, @case, policy) =>
        {
            var errors = Check(edit, forSending: false);
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            Apply(letter, edit);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Sends a draft as it stands with <paramref name="edit"/> applied: by email through the outbox, or by post
    /// (marked sent for printing). A letter that takes a step takes it now, or is not sent.
    /// </summary>
    public async Task SendAsync(Guid caseId, Guid letterId, int expectedVersion, LetterEdit edit, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(who);
        await OnDraftAsync(caseId, letterId, expectedVersion, who, async (letter, @case, policy) =>
        {
            var errors = Check(edit, forSending: true);
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            Apply(letter, edit);
            var step = letter.TransitionCode is { } code && policy.Transition(code) is { } t && t.From.Contains(@case.State) ? t : null;
            string role;
            if (step is not null)
            {
                var check = policy.Check(step.Code, @case.State, who.Roles, Identity.Roles.Describe);
                role = check.IsAllowed ? check.Role! : throw new TransitionRefusedException(check.Reason!);
            }
            else
            {
                role = policy.RoleFor(PolicyActions.WriteLetter, @case.State, who.Roles)
                    ?? throw new TransitionRefusedException(CaseFindings.Refusal(policy, PolicyActions.WriteLetter, "send letters", @case.State));
            }

            letter.Status = LetterStatus.Sent;
            letter.SentAt = clock.GetUtcNow().UtcDateTime;
            letter.SentById = who.UserId;
            letter.SentByName = who.Name;
            if (letter.Channel == LetterChannel.Email)
            {
                outbox.Enqueue("letter", letter.RecipientAddress!, letter.RecipientName, letter.Subject, letter.Body, @case.Id, letter.Id);
            }

            history.Record(@case, who.As(role), "letter-sent",
                $"Letter sent by {(letter.Channel == LetterChannel.Email ? "email" : "post")}: {templates.NameOf(letter.Template)}",
                data: new { letterId = letter.Id, template = letter.Template, channel = letter.Channel.ToString() });
            if (step is not null)
            {
                await procedure.ApplyWithinAsync(@case, step.Code, TransitionInput.None, who, byLetter: true, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Throws a draft away; a sent letter is kept for good.</summary>
    public async Task DiscardAsync(Guid caseId, Guid letterId, int expectedVersion, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        await OnDraftAsync(caseId, letterId, expectedVersion, who, (letter, @case, policy) =>
        {
            db.Letters.Remove(letter);
            var role = RoleForDraft(letter, @case, policy, who);
            history.Record(@case, who.As(role), "letter-discarded", $"Draft letter deleted: {templates.NameOf(letter.Template)}", data: new { letterId = letter.Id });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private async Task<T> InCaseAsync<T>(Guid caseId, int expectedVersion, StaffMember who, Func<Cases.Case, ProcedurePolicy, Task<T>> work, CancellationToken cancellationToken)
    {
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

            var result = await work(@case, await procedure.PolicyOfAsync(@case, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return result;
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

    private async Task OnDraftAsync(Guid caseId, Guid letterId, int expectedVersion, StaffMember who, Func<Letter, Cases.Case, ProcedurePolicy, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        try
        {
            var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId && l.CaseId == caseId, cancellationToken)
                ?? throw new TransitionRefusedException("That letter no longer exists: a draft may have been deleted.");
            if (letter.Status == LetterStatus.Sent)
            {
                throw new TransitionRefusedException("This letter has been sent, so it cannot be changed. Write a new letter instead.");
            }

            if (letter.Version != expectedVersion)
            {
                throw new StaleCaseException(StaleLetter);
            }

            var @case = await procedure.LoadAsync(caseId, cancellationToken);
            if (!await children.CanSeeAsync(who, @case, cancellationToken))
            {
                throw new TransitionRefusedException(ComplaintProcedure.NotShared);
            }

            var policy = await procedure.PolicyOfAsync(@case, cancellationToken);
            _ = RoleForDraft(letter, @case, policy, who);
            await work(letter, @case, policy);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException(StaleLetter);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Who may work on a draft: whoever may write letters, or whoever may take the step the letter takes.</summary>
    private static string RoleForDraft(Letter letter, Cases.Case @case, ProcedurePolicy policy, StaffMember who)
    {
        if (policy.RoleFor(PolicyActions.WriteLetter, @case.State, who.Roles) is { } role)
        {
            return role;
        }

        if (letter.TransitionCode is { } code && policy.Check(code, @case.State, who.Roles) is { IsAllowed: true } check)
        {
            return check.Role!;
        }

        throw new TransitionRefusedException(CaseFindings.Refusal(policy, PolicyActions.WriteLetter, "work on letters", @case.State));
    }

    private static void Apply(Letter letter, LetterEdit edit)
    {
        letter.Subject = edit.Subject!.Trim();
        letter.Body = edit.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        letter.Channel = edit.Channel!.Value;
        letter.RecipientName = edit.RecipientName!.Trim();
        letter.RecipientAddress = string.IsNullOrWhiteSpace(edit.RecipientAddress) ? null : edit.RecipientAddress.Trim();
    }

    private static List<FieldError> Check(LetterEdit edit, bool forSending)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(edit.Subject))
        {
            errors.Add(new FieldError(nameof(LetterEdit.Subject), "Enter the subject"));
        }
        else if (edit.Subject.Length > 300)
        {
            errors.Add(new FieldError(nameof(LetterEdit.Subject), "The subject must be 300 characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(edit.Body))
        {
            errors.Add(new FieldError(nameof(LetterEdit.Body), "Enter the letter"));
        }
        else if (edit.Body.Length > Limits.Letter)
        {
            errors.Add(new FieldError(nameof(LetterEdit.Body), $"The letter must be {Limits.Letter:N0} characters or fewer"));
        }
        else if (forSending && LetterTemplates.Unfilled(edit.Subject + "\n" + edit.Body) is { Count: > 0 } unfilled)
        {
            errors.Add(new FieldError(nameof(LetterEdit.Body), $"Fill in or remove the parts marked with [[ ]] before sending: {string.Join(", ", unfilled)}"));
        }

        if (edit.Channel is null)
        {
            errors.Add(new FieldError(nameof(LetterEdit.Channel), "Select how the letter is sent"));
        }

        if (string.IsNullOrWhiteSpace(edit.RecipientName))
        {
            errors.Add(new FieldError(nameof(LetterEdit.RecipientName), "Enter who the letter is to"));
        }
        else if (edit.RecipientName.Length > Limits.Name)
        {
            errors.Add(new FieldError(nameof(LetterEdit.RecipientName), $"The name must be {Limits.Name} characters or fewer"));
        }

        var address = edit.RecipientAddress?.Trim();
        if (address is { Length: > Limits.Address })
        {
            errors.Add(new FieldError(nameof(LetterEdit.RecipientAddress), $"The address must be {Limits.Address} characters or fewer"));
        }
        else if (edit.Channel == LetterChannel.Email && !string.IsNullOrEmpty(address) && !LooksLikeEmail(address))
        {
            errors.Add(new FieldError(nameof(LetterEdit.RecipientAddress), "Enter an email address in the correct format, like name@example.com"));
        }
        else if (forSending && string.IsNullOrEmpty(address))
        {
            errors.Add(new FieldError(nameof(LetterEdit.RecipientAddress), edit.Channel == LetterChannel.Post
                ? "Enter the postal address, or send the letter by email"
                : "Enter the email address, or send the letter by post"));
        }

        return errors;
    }

    private static bool LooksLikeEmail(string value) =>
        !value.Contains(' ', StringComparison.Ordinal) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.Host.Contains('.', StringComparison.Ordinal);
}
