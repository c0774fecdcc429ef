using System.Linq.Expressions;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;

namespace Heard.Application.Reporting;

/// <summary>
/// One figure on the board report that can be traced to its records: its code (used in the records link), its
/// title, its definition, and the filter that selects the cases behind it. Feedback has no records to show (it is
/// anonymous), so its figure has a definition only.
/// </summary>
public sealed record ReportFigure(string Code, string Title, string Definition, bool HasRecords);

public static class ReportFigures
{
    public const string Complaints = "complaints";
    public const string AdultComplaints = "adult-complaints";
    public const string ChildComplaints = "child-complaints";
    public const string MpEnquiries = "mp-enquiries";
    public const string OmbudsmanCases = "ombudsman-cases";
    public const string SubjectAccessRequests = "sars";
    public const string Compliments = "compliments";
    public const string Feedback = "feedback";
    public const string AcknowledgedOnTime = "acknowledged-on-time";
    public const string AcknowledgedLate = "acknowledged-late";
    public const string RespondedOnTime = "responded-on-time";
    public const string RespondedLate = "responded-late";
    public const string Upheld = "upheld";
    public const string Premature = "premature";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<ReportFigure> All =
    [
        new(Complaints, "Complaints (adults and children)", ReportDefinitions.Period, true),
        new(AdultComplaints, "Adult complaints", ReportDefinitions.Period, true),
        new(ChildComplaints, "Children's complaints", ReportDefinitions.Period, true),
        new(MpEnquiries, "MP enquiries", ReportDefinitions.Period, true),
        new(OmbudsmanCases, "Ombudsman cases", ReportDefinitions.Ombudsman, true),
        new(SubjectAccessRequests, "Subject access requests", ReportDefinitions.Period, true),
        new(Compliments, "Compliments", ReportDefinitions.Period, true),
        new(Feedback, "Feedback responses", ReportDefinitions.Feedback, false),
        new(AcknowledgedOnTime, "Complaints acknowledged on time", ReportDefinitions.OnTime, true),
        new(AcknowledgedLate, "Complaints acknowledged late", ReportDefinitions.OnTime, true),
        new(RespondedOnTime, "Complaints responded to on time", ReportDefinitions.OnTime, true),
        new(RespondedLate, "Complaints responded to late", ReportDefinitions.OnTime, true),
        new(Upheld, "Complaints upheld fully or in part", ReportDefinitions.Upheld, true),
        new(Premature, "Premature complaints", ReportDefinitions.Premature, true),
        new(Withdrawn, "Complaints started then withdrawn", ReportDefinitions.Withdrawn, true),
    ];

    public static ReportFigure? Find(string? code) => All.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    /// <summary>The cases behind a figure, as a filter the database evaluates (combine it with <c>CaseAccess.Visible</c>).</summary>
    public static Expression<Func<Case, bool>> Filter(HeardDbContext db, string code, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(db);
        var premature = ReportDefinitions.PrematureStates.ToArray();
        return code switch
        {
            Complaints => c => c.Type == CaseType.Complaint,
            AdultComplaints => c => c.Type == CaseType.Complaint && c.Audience == Audience.Adult,
            ChildComplaints => c => c.Type == CaseType.Complaint && c.Audience == Audience.Child,
            MpEnquiries => c => c.Type == CaseType.MpEnquiry,
            OmbudsmanCases => c => c.Type == CaseType.OmbudsmanCase,
            SubjectAccessRequests => c => c.Type == CaseType.SubjectAccessRequest,
            Compliments => c => c.Type == CaseType.Compliment,
            AcknowledgedOnTime => c => c.Type == CaseType.Complaint && db.CaseDeadlines.Any(d =>
                d.CaseId == c.Id && d.Kind == DeadlineKinds.Acknowledgement && d.MetOn != null && d.MetOn <= d.DueOn),
            AcknowledgedLate => c => c.Type == CaseType.Complaint && db.CaseDeadlines.Any(d =>
                d.CaseId == c.Id && d.Kind == DeadlineKinds.Acknowledgement && ((d.MetOn != null && d.MetOn > d.DueOn) || (d.MetOn == null && d.DueOn < asOf))),
            RespondedOnTime => c => c.Type == CaseType.Complaint && db.CaseDeadlines.Any(d =>
                d.CaseId == c.Id && d.Kind == DeadlineKinds.Response && d.MetOn != null && d.MetOn <= d.DueOn),
            RespondedLate => c => c.Type == CaseType.Complaint && db.CaseDeadlines.Any(d =>
                d.CaseId == c.Id && d.Kind == DeadlineKinds.Response && ((d.MetOn != null && d.MetOn > d.DueOn) || (d.MetOn == null && d.DueOn < asOf))),
            Upheld => c => c.Type == CaseType.Complaint && c.Issues.Any(i => i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld),
            Premature => c => c.Type == CaseType.Complaint && premature.Contains(c.State),
            Withdrawn => c => c.Type == CaseType.Complaint && c.State == ComplaintStates.Withdrawn,
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No such figure with records."),
        };
    }
}
