using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Heard.Application.Data;

/// <summary>
/// Heard's one model. Each provider has a derived context (<see cref="SqliteHeardDbContext"/>,
/// <see cref="PostgresHeardDbContext"/>) only so that each can own its migrations; services use this type.
/// </summary>
public abstract class HeardDbContext(DbContextOptions options)
    : IdentityDbContext<HeardUser, HeardRole, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<FamilyCourtCase> FamilyCourtCases => Set<FamilyCourtCase>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<ComplaintIssue> ComplaintIssues => Set<ComplaintIssue>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<Calendar.CalendarChangeRow> CalendarChanges => Set<Calendar.CalendarChangeRow>();
    public DbSet<Deadlines.CaseDeadline> CaseDeadlines => Set<Deadlines.CaseDeadline>();
    public DbSet<Themes.Theme> Themes => Set<Themes.Theme>();
    public DbSet<Access.CaseAccessGrant> CaseAccessGrants => Set<Access.CaseAccessGrant>();
    public DbSet<Access.CaseAccessLog> CaseAccessLogs => Set<Access.CaseAccessLog>();
    public DbSet<Tracking.TrackingLink> TrackingLinks => Set<Tracking.TrackingLink>();
    public DbSet<Api.ServiceAccount> ServiceAccounts => Set<Api.ServiceAccount>();
    public DbSet<Api.ApiSubmission> ApiSubmissions => Set<Api.ApiSubmission>();

    // Compliments, feedback, MP enquiries, Ombudsman cases and subject access requests (issue 5).
    public DbSet<Records.CaseLink> CaseLinks => Set<Records.CaseLink>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Compliments.Compliment> Compliments => Set<Compliments.Compliment>();
    public DbSet<Compliments.ComplimentTheme> ComplimentThemes => Set<Compliments.ComplimentTheme>();
    public DbSet<MpEnquiries.MpEnquiry> MpEnquiries => Set<MpEnquiries.MpEnquiry>();
    public DbSet<Ombudsman.OmbudsmanCase> OmbudsmanCases => Set<Ombudsman.OmbudsmanCase>();
    public DbSet<Ombudsman.OmbudsmanInformationRequest> OmbudsmanInformationRequests => Set<Ombudsman.OmbudsmanInformationRequest>();
    public DbSet<Ombudsman.OmbudsmanRecommendation> OmbudsmanRecommendations => Set<Ombudsman.OmbudsmanRecommendation>();
    public DbSet<SubjectAccess.SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccess.SubjectAccessRequest>();
    public DbSet<Feedback.Survey> Surveys => Set<Feedback.Survey>();
    public DbSet<Feedback.FeedbackResponse> FeedbackResponses => Set<Feedback.FeedbackResponse>();
    public DbSet<Feedback.FeedbackAnswer> FeedbackAnswers => Set<Feedback.FeedbackAnswer>();
    public DbSet<Feedback.FeedbackTheme> FeedbackThemes => Set<Feedback.FeedbackTheme>();
    public DbSet<Feedback.FeedbackLink> FeedbackLinks => Set<Feedback.FeedbackLink>();
    public DbSet<Procedure.PolicyVersion> PolicyVersions => Set<Procedure.PolicyVersion>();
    public DbSet<Procedure.ComplaintProgress> ComplaintProgress => Set<Procedure.ComplaintProgress>();
    public DbSet<Procedure.Remedy> Remedies => Set<Procedure.Remedy>();
    public DbSet<Procedure.LearningPoint> LearningPoints => Set<Procedure.LearningPoint>();
    public DbSet<Heard.Application.Letters.Letter> Letters => Set<Heard.Application.Letters.Letter>();
    public DbSet<Children.CaseShare> CaseShares => Set<Children.CaseShare>();

    // Learning from complaints (issue 7).
    public DbSet<Learning.LearningAction> LearningActions => Set<Learning.LearningAction>();
    public DbSet<Learning.ThemeChange> ThemeChanges => Set<Learning.ThemeChange>();
    // Equality monitoring (issue 7): kept apart from cases on purpose, no key leads back to one.
    public DbSet<Equality.EqualityResponse> EqualityResponses => Set<Equality.EqualityResponse>();
    public DbSet<Equality.ServedPerson> ServedPeople => Set<Equality.ServedPerson>();
    // What the board report counts, one narrow row per case, kept by SaveChanges (Reporting/ReportFact).
    public DbSet<Reporting.ReportFact> ReportFacts => Set<Reporting.ReportFact>();
    public DbSet<Reporting.ReportThemeFact> ReportThemeFacts => Set<Reporting.ReportThemeFact>();

    // The report facts summed by month and breakdown, kept by the same save (Reporting/ReportMonthCell).
    public DbSet<Reporting.ReportMonthCell> ReportMonthCells => Set<Reporting.ReportMonthCell>();

    /// <summary>True when this context talks to PostgreSQL (for the few provider-specific queries).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HeardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC; reading one back must not turn it into "unspecified" local time.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and in the same transaction rewrites the report facts of every case whose row, deadlines, issues or
    /// withdrawal this save touched, so the board report never counts a case as it was before.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardHistoryAndBumpVersions();
        var touched = ReportFactsDeferred ? [] : CasesTouchingReportFacts();
        if (touched.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (!acceptAllChangesOnSuccess)
        {
            throw new InvalidOperationException("Heard saves with acceptAllChangesOnSuccess: the report facts are written by a second save that must not repeat the first.");
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var before = await Reporting.ReportFacts.LockAsync(this, touched, cancellationToken);
            var saved = await base.SaveChangesAsync(true, cancellationToken);
            await Reporting.ReportFacts.StageAsync(this, touched, before, cancellationToken);
            await base.SaveChangesAsync(true, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Set by a bulk load (the demo data) that rebuilds every case's report facts when it finishes
    /// (<see cref="Reporting.ReportFacts.RebuildAsync"/>) instead of at each save.
    /// </summary>
    internal bool ReportFactsDeferred { get; set; }

    private HashSet<Guid> CasesTouchingReportFacts()
    {
        var ids = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Case c:
                    ids.Add(c.Id);
                    break;
                case Deadlines.CaseDeadline d:
                    ids.Add(d.CaseId);
                    break;
                case ComplaintIssue i:
                    ids.Add(i.CaseId);
                    break;
                case CaseEvent e when e.ToState == Heard.Domain.Procedure.ComplaintStates.Withdrawn:
                    ids.Add(e.CaseId);
                    break;
            }
        }

        return ids;
    }

    private void GuardHistoryAndBumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<CaseEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("A case's history is immutable: events can be added, never changed or removed.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<Access.CaseAccessLog>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The access log is immutable: views can be added, never changed or removed.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<Heard.Application.Letters.Letter>())
        {
            // What was sent is kept exactly as sent; only a draft (including the save that sends it) may change.
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && (Heard.Application.Letters.LetterStatus)entry.Property(nameof(Heard.Application.Letters.Letter.Status)).OriginalValue! == Heard.Application.Letters.LetterStatus.Sent)
            {
                throw new InvalidOperationException("A sent letter is kept as it was sent: it cannot be changed or removed.");
            }

            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Case>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc)) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

public sealed class SqliteHeardDbContext(DbContextOptions<SqliteHeardDbContext> options) : HeardDbContext(options);

public sealed class PostgresHeardDbContext(DbContextOptions<PostgresHeardDbContext> options) : HeardDbContext(options);
