namespace Heard.Application.Data;

/// <summary>Field limits, shared by the model, the forms' validation and the API, so text is refused, never cut.</summary>
public static class Limits
{
    public const int Name = 200;
    public const int Email = 320;
    public const int Phone = 40;
    public const int Address = 500;
    public const int CourtCaseNumber = 40;
    public const int IssueDescription = 5000;
    public const int OutcomeWanted = 3000;
    public const int Adjustments = 2000;
    public const int LongText = 10000;
    public const int MaxIssues = 10;
    public const int AccessReason = 1000;
    public const int SearchText = 200;
    public const int ServiceAccountName = 100;
    public const int Letter = 20000;
    public const int LetterSubject = 300;
    public const int PolicyDefinition = 200000;
}
