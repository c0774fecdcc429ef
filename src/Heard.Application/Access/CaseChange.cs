namespace Heard.Application.Access;

public enum CaseChangeOutcome
{
    Done,

    /// <summary>No such case, or not one this viewer may see: the two are never told apart.</summary>
    NotFound,

    /// <summary>The viewer sees the case but may not make this change.</summary>
    Forbidden,

    /// <summary>Someone else changed the case since the page was loaded.</summary>
    Stale,

    /// <summary>The request itself is wrong; <see cref="CaseChange.Field"/> and <see cref="CaseChange.Message"/> say why.</summary>
    Invalid,
}

/// <summary>What became of a staff change to a case.</summary>
public sealed record CaseChange(CaseChangeOutcome Outcome, string? Field = null, string? Message = null)
{
    public static readonly CaseChange Done = new(CaseChangeOutcome.Done);
    public static readonly CaseChange NotFound = new(CaseChangeOutcome.NotFound);
    public static readonly CaseChange Forbidden = new(CaseChangeOutcome.Forbidden);

    public static readonly CaseChange Stale = new(CaseChangeOutcome.Stale, null,
        "Someone else changed this case while you were looking at it. Check the case as it is now, then make your change again.");

    public static CaseChange Invalid(string field, string message) => new(CaseChangeOutcome.Invalid, field, message);
}
