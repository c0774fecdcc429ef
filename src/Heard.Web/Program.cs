using System.Globalization;
using Heard.Application;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Identity;
using Heard.Web.Api;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);

if (!builder.Environment.IsDevelopment())
{
    // One JSON object per line for the log collector. Messages carry ids, never names, emails or free text.
    builder.Logging.AddJsonConsole();
}

var database = DatabaseSettings.From(builder.Configuration, DatabaseSettings.SourceRootOr(builder.Environment.ContentRootPath));
builder.Services.AddHeardData(database);
builder.Services.AddHeardApplication();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHeardWorkspace(builder.Configuration, database, DatabaseSettings.SourceRootOr(builder.Environment.ContentRootPath));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentViewer>();
builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocument>());
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

builder.Services
    .AddIdentity<HeardUser, HeardRole>(IdentitySetup.Configure)
    .AddEntityFrameworkStores<HeardDbContext>()
    .AddDefaultTokenProviders();

builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "heard.staff";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.LoginPath = "/staff/sign-in";
    options.LogoutPath = "/staff/sign-out";
    options.AccessDeniedPath = "/staff/access-denied";
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
});

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser())
    .AddPolicy(StaffPolicies.Casework, p => p.RequireRole(Heard.Application.Access.CaseAccessRules.CaseRoles))
    .AddPolicy(StaffPolicies.Administration, p => p.RequireRole(Roles.Administrator))
    .AddPolicy(StaffPolicies.Audit, p => p.RequireRole(Roles.ComplaintsTeam, Roles.Administrator))
    .AddPolicy(StaffPolicies.Learning, p => p.RequireRole(Roles.BoardReader, Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager, Roles.HeadOfPractice, Roles.ServiceManager))
    .AddPolicy(StaffPolicies.EqualityReports, p => p.RequireRole(Roles.BoardReader, Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager, Roles.HeadOfPractice, Roles.Administrator))
    .AddPolicy(StaffPolicies.Reports, p => p.RequireRole(Roles.BoardReader, Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager, Roles.ServiceManager, Roles.HeadOfPractice, Roles.Administrator))
    .AddPolicy(ApiEndpoints.Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser())
    .AddRecordPolicies();

builder.Services.AddRazorPages(options =>
{
    // Everything under /staff needs a signed-in member of staff; each folder then says which roles.
    options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
    options.Conventions.AuthorizeFolder("/Staff/Cases", StaffPolicies.Casework);
    options.Conventions.AuthorizeFolder("/Staff/Queues", StaffPolicies.Casework);
    options.Conventions.AuthorizeFolder("/Staff/Search", StaffPolicies.Casework);
    options.Conventions.AuthorizeFolder("/Staff/Email", StaffPolicies.Audit);
    options.Conventions.AuthorizeFolder("/Staff/Audit", StaffPolicies.Audit);
    options.Conventions.AuthorizeFolder("/Staff/Reports", StaffPolicies.Reports);
    options.Conventions.AuthorizeFolder("/Staff/Admin", StaffPolicies.Administration);
    options.Conventions.AuthorizePage("/Staff/Learning/Index", StaffPolicies.Learning);
    options.Conventions.AuthorizePage("/Staff/Learning/ChildrensReview", StaffPolicies.Learning);
    options.Conventions.AuthorizeFolder("/Staff/Learning/Actions", StaffPolicies.Casework);
    options.Conventions.AuthorizeFolder("/Staff/Reports/Equality", StaffPolicies.EqualityReports);
    options.Conventions.AuthorizePage("/Staff/Reports/Equality/Served", StaffPolicies.Administration);
    options.Conventions.AllowAnonymousToPage("/Staff/SignIn");
    options.Conventions.AuthorizeRecordPages();
});
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "heard.antiforgery";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.HeaderName = "X-CSRF-TOKEN";
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en-GB"),
    SupportedCultures = [new CultureInfo("en-GB")],
    SupportedUICultures = [new CultureInfo("en-GB")],
});
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapHeardApi();
app.MapOpenApi();
app.MapHealthChecks("/health");

await DatabaseSetup.MigrateAsync(app.Services);
if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Heard:DemoData:Enabled"))
{
    await DemoData.LoadOnceAsync(app.Services);
    app.Lifetime.ApplicationStarted.Register(() => DemoData.PrintWelcome(app.Urls, database));
}

await app.RunAsync();

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
