using Heard.Application.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application;

public static class ApplicationServices
{
    /// <summary>The application services the front doors (web, API, CLI) call.</summary>
    public static IServiceCollection AddHeardApplication(this IServiceCollection services)
    {
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<Cases.CaseQueries>();
        services.AddScoped<Email.Outbox>();
        services.AddSingleton<Calendar.CalendarCache>();
        services.AddScoped<Calendar.CalendarStore>();
        services.AddScoped<Calendar.CalendarAdministration>();
        services.AddScoped<Deadlines.CaseDeadlines>();
        services.AddHeardRecords();
        services.AddScoped<Equality.EqualityReport>();
        services.AddScoped<Equality.ServedPeopleImport>();
        services.AddSingleton<Procedure.PolicyCache>();
        services.AddSingleton(Letters.LetterTemplates.BuiltIn);
        services.AddScoped<Procedure.PolicyCatalogue>();
        services.AddScoped<Procedure.ComplaintProcedure>();
        services.AddScoped<Procedure.ProcedureQueries>();
        services.AddScoped<Procedure.CaseFindings>();
        services.AddScoped<Letters.LetterComposer>();
        services.AddScoped<Letters.CaseLetters>();
        services.AddScoped<Children.ChildrensComplaints>();
        services.AddScoped<Access.ICaseVisibilityRule, Children.ChildShareVisibility>();
        services.AddScoped<Learning.LearningActions>();
        services.AddScoped<Learning.ThemeAdministration>();
        services.AddScoped<Learning.LearningReports>();
        services.AddScoped<Reporting.BoardReport>();
        services.AddScoped<Reporting.ReportRecords>();
        return services;
    }

    /// <summary>Compliments, feedback, MP enquiries, Ombudsman cases and subject access requests.</summary>
    private static void AddHeardRecords(this IServiceCollection services)
    {
        // Time limits come from configuration (Heard:Records), with the defaults in RecordTimescales.
        services.AddOptions<Records.RecordTimescales>().BindConfiguration(Records.RecordTimescales.Section);
        services.AddScoped<Records.CaseLinks>();
        services.AddScoped<Records.TeamQueues>();
        services.AddScoped<Records.RecordViews>();
        services.AddScoped<Records.RecordSummaries>();
        services.AddScoped<Notifications.StaffNotifications>();
        services.AddScoped<Compliments.ComplimentIntake>();
        services.AddScoped<Compliments.ComplimentHandling>();
        services.AddScoped<Feedback.FeedbackLinks>();
        services.AddScoped<Feedback.FeedbackIntake>();
        services.AddScoped<Feedback.FeedbackTheming>();
        services.AddScoped<MpEnquiries.MpEnquiryIntake>();
        services.AddScoped<MpEnquiries.MpEnquiryHandling>();
        services.AddScoped<Ombudsman.OmbudsmanIntake>();
        services.AddScoped<Ombudsman.OmbudsmanHandling>();
        services.AddScoped<SubjectAccess.SarIntake>();
        services.AddScoped<SubjectAccess.SarHandling>();
        services.AddScoped<SubjectAccess.SubjectDataExport>();
    }
}
