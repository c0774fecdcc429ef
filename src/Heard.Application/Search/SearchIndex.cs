using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Search;

/// <summary>
/// The full-text index of cases: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL. EF Core
/// cannot describe either, so they are created here at startup, idempotently, and kept in step by triggers in the
/// database: every insert or update of a case or an issue rewrites that case's entry in the same transaction.
/// </summary>
public static class SearchIndex
{
    // What a case is found by besides its reference, name, email and court case number: the person's own words.
    private const string SqliteBody =
        "coalesce(c.OutcomeWanted, '') || ' ' || coalesce(c.Adjustments, '') || ' ' || coalesce(c.PersonOnBehalfOf, '') || ' ' || " +
        "coalesce(c.PractitionerName, '') || ' ' || coalesce((SELECT group_concat(i.Description, ' ') FROM ComplaintIssues i WHERE i.CaseId = c.Id), '')";

    private static string SqliteRefresh(string caseId) =>
        $"DELETE FROM CaseSearch WHERE CaseId = {caseId}; " +
        "INSERT INTO CaseSearch (CaseId, Reference, Name, Email, CourtCaseNumber, Body) " +
        $"SELECT c.Id, c.Reference, c.PersonName, c.PersonEmail, c.CourtCaseNumber, {SqliteBody} FROM Cases c WHERE c.Id = {caseId};";

    private static readonly string[] SqliteStatements =
    [
        "CREATE VIRTUAL TABLE IF NOT EXISTS CaseSearch USING fts5(CaseId UNINDEXED, Reference, Name, Email, CourtCaseNumber, Body, tokenize = 'unicode61 remove_diacritics 2')",
        $"CREATE TRIGGER IF NOT EXISTS CaseSearch_CaseInserted AFTER INSERT ON Cases BEGIN {SqliteRefresh("new.Id")} END",
        $"CREATE TRIGGER IF NOT EXISTS CaseSearch_CaseUpdated AFTER UPDATE ON Cases BEGIN {SqliteRefresh("new.Id")} END",
        "CREATE TRIGGER IF NOT EXISTS CaseSearch_CaseDeleted AFTER DELETE ON Cases BEGIN DELETE FROM CaseSearch WHERE CaseId = old.Id; END",
        $"CREATE TRIGGER IF NOT EXISTS CaseSearch_IssueInserted AFTER INSERT ON ComplaintIssues BEGIN {SqliteRefresh("new.CaseId")} END",
        $"CREATE TRIGGER IF NOT EXISTS CaseSearch_IssueUpdated AFTER UPDATE ON ComplaintIssues BEGIN {SqliteRefresh("new.CaseId")} END",
        $"CREATE TRIGGER IF NOT EXISTS CaseSearch_IssueDeleted AFTER DELETE ON ComplaintIssues BEGIN {SqliteRefresh("old.CaseId")} END",
        // Cases saved before the index existed (an older database): index the ones it does not have yet.
        "INSERT INTO CaseSearch (CaseId, Reference, Name, Email, CourtCaseNumber, Body) " +
        $"SELECT c.Id, c.Reference, c.PersonName, c.PersonEmail, c.CourtCaseNumber, {SqliteBody} FROM Cases c " +
        "WHERE NOT EXISTS (SELECT 1 FROM CaseSearch s WHERE s.CaseId = c.Id)",
    ];

    private const string PostgresDocument =
        "setweight(to_tsvector('simple', coalesce(c.\"Reference\", '') || ' ' || coalesce(c.\"CourtCaseNumber\", '')), 'A') || " +
        "setweight(to_tsvector('simple', coalesce(c.\"PersonName\", '') || ' ' || coalesce(c.\"PersonEmail\", '')), 'B') || " +
        "to_tsvector('simple', coalesce(c.\"OutcomeWanted\", '') || ' ' || coalesce(c.\"Adjustments\", '') || ' ' || " +
        "coalesce(c.\"PersonOnBehalfOf\", '') || ' ' || coalesce(c.\"PractitionerName\", '') || ' ' || " +
        "coalesce((SELECT string_agg(i.\"Description\", ' ') FROM \"ComplaintIssues\" i WHERE i.\"CaseId\" = c.\"Id\"), ''))";

    private static readonly string[] PostgresStatements =
    [
        // Two instances starting together must not both replace the functions at once.
        "SELECT pg_advisory_xact_lock(4805215)",
        "CREATE TABLE IF NOT EXISTS case_search (case_id uuid PRIMARY KEY REFERENCES \"Cases\" (\"Id\") ON DELETE CASCADE, document tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_case_search_document ON case_search USING GIN (document)",
        "CREATE OR REPLACE FUNCTION heard_case_search_refresh(target uuid) RETURNS void LANGUAGE sql AS $$ " +
        $"INSERT INTO case_search (case_id, document) SELECT c.\"Id\", {PostgresDocument} FROM \"Cases\" c WHERE c.\"Id\" = target " +
        "ON CONFLICT (case_id) DO UPDATE SET document = EXCLUDED.document $$",
        "CREATE OR REPLACE FUNCTION heard_case_search_case() RETURNS trigger LANGUAGE plpgsql AS $$ " +
        "BEGIN PERFORM heard_case_search_refresh(NEW.\"Id\"); RETURN NULL; END $$",
        "CREATE OR REPLACE FUNCTION heard_case_search_issue() RETURNS trigger LANGUAGE plpgsql AS $$ " +
        "BEGIN IF TG_OP = 'DELETE' THEN PERFORM heard_case_search_refresh(OLD.\"CaseId\"); ELSE PERFORM heard_case_search_refresh(NEW.\"CaseId\"); END IF; RETURN NULL; END $$",
        "CREATE OR REPLACE TRIGGER heard_case_search_case AFTER INSERT OR UPDATE ON \"Cases\" FOR EACH ROW EXECUTE FUNCTION heard_case_search_case()",
        "CREATE OR REPLACE TRIGGER heard_case_search_issue AFTER INSERT OR UPDATE OR DELETE ON \"ComplaintIssues\" FOR EACH ROW EXECUTE FUNCTION heard_case_search_issue()",
        $"INSERT INTO case_search (case_id, document) SELECT c.\"Id\", {PostgresDocument} FROM \"Cases\" c " +
        "WHERE NOT EXISTS (SELECT 1 FROM case_search s WHERE s.case_id = c.\"Id\")",
    ];

    /// <summary>Creates the index, its triggers and any missing entries. Safe to run at every start.</summary>
    public static async Task EnsureAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in db.IsPostgres ? PostgresStatements : SqliteStatements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
