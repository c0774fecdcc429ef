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
        services.AddSingleton<Procedure.PolicyCache>();
        services.AddSingleton(Letters.LetterTemplates.BuiltIn);
        services.AddScoped<Procedure.PolicyCatalogue>();
        services.AddScoped<Procedure.ComplaintProcedure>();
        services.AddScoped<Procedure.ProcedureQueries>();
        services.AddScoped<Procedure.CaseFindings>();
        services.AddScoped<Letters.LetterComposer>();
        services.AddScoped<Letters.CaseLetters>();
        services.AddScoped<Children.ChildrensComplaints>();
        return services;
    }
}
