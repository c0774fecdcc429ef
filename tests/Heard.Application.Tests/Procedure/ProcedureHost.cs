using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Heard.Application.Tests.Procedure;

/// <summary>
/// Heard's application services on a fresh database of the run's provider, with a clock the test moves. Each
/// call runs in its own scope (its own DbContext), as each web request would.
/// </summary>
internal sealed class ProcedureHost : IAsyncDisposable
{
    private readonly TestDatabase database;

    private ProcedureHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        this.database = database;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ProcedureHost> StartAsync(DateOnly today, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(AtTen(today));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddHeardData(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        services.AddHeardApplication();
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new ProcedureHost(database, provider, clock);
    }

    /// <summary>10:00 UTC on the day: the same day in London whatever the season.</summary>
    public static DateTimeOffset AtTen(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public void SetToday(DateOnly day) => Clock.SetUtcNow(AtTen(day));

    public DateOnly Today => UkTime.Today(Clock);

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>A member of staff with a password-less account in the given roles.</summary>
    public Task<StaffMember> StaffAsync(string name, params string[] roles) => RunAsync(async s =>
    {
        var db = s.GetRequiredService<HeardDbContext>();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        var user = new HeardUser
        {
            Id = Guid.CreateVersion7(),
            DisplayName = name,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            JobTitle = roles.Length > 0 ? Roles.Describe(roles[0]) : null,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        foreach (var role in roles)
        {
            var id = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = id });
        }

        await db.SaveChangesAsync();
        return new StaffMember(user.Id, name, roles);
    });

    public static ComplaintSubmission Adult(string name = "Ann Example", DateOnly? involvementEndedOn = null, int issues = 1) => new()
    {
        Audience = Audience.Adult,
        FullName = name,
        Role = ComplainantRole.Parent,
        Email = "ann@example.com",
        ContactPreference = ContactPreference.Email,
        InvolvementEndedOn = involvementEndedOn,
        Issues = Enumerable.Range(1, issues).Select(i => $"Issue number {i}: the report said things about me that are wrong.").ToList(),
        OutcomeWanted = "An apology and the report corrected.",
    };

    public static ComplaintSubmission Child(string name = "Sam") => new()
    {
        Audience = Audience.Child,
        FullName = name,
        Email = "sam.family@example.com",
        Issues = ["I told my worker what I wanted and it is not in the report."],
        HelpedBy = "My aunt",
    };

    public Task<IntakeResult> SubmitAsync(ComplaintSubmission submission, DateOnly? receivedOn = null, Channel channel = Channel.Web) =>
        RunAsync(s => s.GetRequiredService<ComplaintIntake>().SubmitAsync(
            submission, channel, channel == Channel.Web ? Actor.Public : new Actor(null, "Complaints officer", Roles.ComplaintsTeam), Guid.NewGuid().ToString("N"), receivedOn));

    public Task<Case> CaseAsync(Guid id) => RunAsync(s =>
        s.GetRequiredService<HeardDbContext>().Cases.AsNoTracking().Include(c => c.Issues).SingleAsync(c => c.Id == id));

    public Task<ComplaintProgress> ProgressAsync(Guid id) => RunAsync(s =>
        s.GetRequiredService<HeardDbContext>().ComplaintProgress.AsNoTracking().SingleAsync(p => p.CaseId == id));

    public Task<List<CaseEvent>> EventsAsync(Guid id) => RunAsync(s =>
        s.GetRequiredService<HeardDbContext>().CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync());

    public Task<CaseDeadline?> DeadlineAsync(Guid id, string kind) => RunAsync(s =>
        s.GetRequiredService<HeardDbContext>().CaseDeadlines.AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == id && d.Kind == kind));

    /// <summary>Takes a step on the case as it is now (its current version).</summary>
    public async Task<TransitionOutcome> ApplyAsync(Guid caseId, string step, StaffMember who, TransitionInput? input = null)
    {
        var version = (await CaseAsync(caseId)).Version;
        return await RunAsync(s => s.GetRequiredService<ComplaintProcedure>().ApplyAsync(caseId, version, step, input ?? TransitionInput.None, who));
    }

    /// <summary>Writes the letter a step is taken with and sends it as drafted.</summary>
    public async Task SendStepLetterAsync(Guid caseId, string step, StaffMember who)
    {
        var version = (await CaseAsync(caseId)).Version;
        var letterId = await RunAsync(s => s.GetRequiredService<Letters.CaseLetters>().PrepareStepAsync(caseId, version, step, who));
        await SendLetterAsync(caseId, letterId, who);
    }

    public async Task SendLetterAsync(Guid caseId, Guid letterId, StaffMember who)
    {
        var letter = await RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        await RunAsync(s => s.GetRequiredService<Letters.CaseLetters>().SendAsync(caseId, letterId, letter.Version,
            new Letters.LetterEdit(letter.Subject, letter.Body, letter.Channel, letter.RecipientName, letter.RecipientAddress), who));
    }

    public async Task RecordFindingAsync(Guid caseId, int issue, StaffMember who, Finding finding = Finding.NotUpheld, string theme = "report-accuracy")
    {
        var version = (await CaseAsync(caseId)).Version;
        await RunAsync(s => s.GetRequiredService<CaseFindings>().RecordFindingAsync(caseId, version, issue, new FindingInput
        {
            ThemeCode = theme,
            Finding = finding,
            WhatHappened = "The report recorded what the family court adviser was told at the time.",
            WhatShouldHaveHappened = finding is Finding.Upheld or Finding.PartlyUpheld ? "The correction should have been recorded." : null,
            Standard = finding is Finding.Upheld or Finding.PartlyUpheld ? "Cafcass Operating Framework: recording" : null,
        }, who));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await database.DisposeAsync();
    }
}
