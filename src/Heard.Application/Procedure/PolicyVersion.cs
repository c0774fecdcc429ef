namespace Heard.Application.Procedure;

/// <summary>
/// One stored version of a complaints procedure: its definition as the JSON it was written in, plus the columns
/// that choosing a policy needs. Rows are never changed once written: a change is a new version.
/// </summary>
public class PolicyVersion
{
    public Guid Id { get; set; }

    /// <summary>The procedure's code, for example <c>adult-2023</c>.</summary>
    public required string Code { get; set; }
    public int Version { get; set; }

    /// <summary><c>adult-2023@1</c>: what a case records in <see cref="Cases.Case.PolicyCode"/>.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary><c>adult</c>, <c>child</c> or <c>any</c>.</summary>
    public required string Audience { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required string Definition { get; set; }

    /// <summary><c>built-in</c> for the versions Heard ships with, <c>administrator</c> for those added since.</summary>
    public required string Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? Reason { get; set; }
}
