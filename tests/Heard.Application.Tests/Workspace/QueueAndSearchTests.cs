using Heard.Application.Access;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Queues;
using Heard.Application.Search;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Workspace;

// The queues (today is Tuesday 10 March 2026: three working days ahead is Friday 13 March), assignment and search.
public sealed class QueueAndSearchTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TestServices _services = default!;
    private WorkspaceWorld _world = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = await TestServices.CreateAsync(_database);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        _world = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
        await WorkspaceWorld.AddDeadlineAsync(db, _world.AdultComplaintA, DeadlineKinds.Response, new DateOnly(2026, 3, 12));
        await WorkspaceWorld.AddDeadlineAsync(db, _world.ComplimentA, DeadlineKinds.Acknowledgement, new DateOnly(2026, 3, 5));
        await WorkspaceWorld.AddDeadlineAsync(db, _world.OmbudsmanCaseA, DeadlineKinds.Response, new DateOnly(2026, 3, 30));
        await WorkspaceWorld.AddDeadlineAsync(db, _world.AdultComplaintB, DeadlineKinds.Response, new DateOnly(2026, 3, 16));
        var child = await db.Cases.SingleAsync(c => c.Id == _world.ChildComplaintA.Id);
        child.State = ComplaintStates.AwaitingConsent;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Due_soon_overdue_holding_letter_and_awaiting_consent_queues_pick_the_right_cases()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        await using var scope = _services.Scope();
        var queues = scope.ServiceProvider.GetRequiredService<CaseQueues>();

        var dueSoon = await References(queues, officer, QueueKind.DueSoon);
        var overdue = await References(queues, officer, QueueKind.Overdue);
        var holding = await References(queues, officer, QueueKind.HoldingLetter);
        var consentForOfficer = await References(queues, officer, QueueKind.AwaitingConsent);
        var consent = await References(queues, _world.ViewerFor(_world.ChildrensManager), QueueKind.AwaitingConsent);
        var counts = await queues.CountsAsync(officer);

        Assert.Equal([_world.AdultComplaintA.Reference], dueSoon);
        Assert.Equal([_world.ComplimentA.Reference], overdue);
        Assert.Equal([_world.AdultComplaintA.Reference], holding);
        Assert.Empty(consentForOfficer);
        Assert.Equal([_world.ChildComplaintA.Reference], consent);
        Assert.Equal(1, counts[QueueKind.DueSoon]);
        Assert.Equal(5, counts[QueueKind.Unassigned]);
    }

    [Fact]
    public async Task A_holding_letter_sent_takes_the_case_out_of_the_holding_letter_queue()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var history = scope.ServiceProvider.GetRequiredService<Heard.Application.Cases.CaseHistory>();
        var @case = await db.Cases.SingleAsync(c => c.Id == _world.AdultComplaintA.Id);
        history.Record(@case, officer.ToActor(), CaseQueues.HoldingLetterSentEvent, "Holding letter sent");
        await db.SaveChangesAsync();

        var holding = await References(scope.ServiceProvider.GetRequiredService<CaseQueues>(), officer, QueueKind.HoldingLetter);

        Assert.Empty(holding);
    }

    [Fact]
    public async Task Queues_are_scoped_filtered_sorted_and_paged()
    {
        var managerA = _world.ViewerFor(_world.ServiceManagerA);
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        await using var scope = _services.Scope();
        var queues = scope.ServiceProvider.GetRequiredService<CaseQueues>();

        var areaA = await queues.QueueAsync(managerA, QueueKind.Unassigned, new QueueFilter(), 1, 25);
        var complaintsByDue = await queues.QueueAsync(officer, QueueKind.Unassigned, new QueueFilter(Type: CaseType.Complaint), 1, 25);
        var inAreaB = await queues.QueueAsync(officer, QueueKind.Unassigned, new QueueFilter(AreaId: _world.AreaB.Id), 1, 25);
        var firstPage = await queues.QueueAsync(officer, QueueKind.Unassigned, new QueueFilter(Sort: QueueSort.Due), 1, 2);
        var secondPage = await queues.QueueAsync(officer, QueueKind.Unassigned, new QueueFilter(Sort: QueueSort.Due), 2, 2);

        Assert.DoesNotContain(areaA.Items, r => r.Reference == _world.AdultComplaintB.Reference);
        Assert.Equal([_world.AdultComplaintA.Reference, _world.AdultComplaintB.Reference], complaintsByDue.Items.Take(2).Select(r => r.Reference));
        Assert.Equal([_world.AdultComplaintB.Reference], inAreaB.Items.Select(r => r.Reference));
        Assert.Equal(5, firstPage.Total);
        Assert.Equal([_world.ComplimentA.Reference, _world.AdultComplaintA.Reference], firstPage.Items.Select(r => r.Reference));
        Assert.Equal([_world.AdultComplaintB.Reference, _world.OmbudsmanCaseA.Reference], secondPage.Items.Select(r => r.Reference));
    }

    [Fact]
    public async Task Assigning_a_case_records_who_and_moves_it_to_their_queue_and_a_stale_assignment_is_refused()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        var colleague = _world.ViewerFor(_world.SecondComplaintsOfficer);
        await using var scope = _services.Scope();
        var assignment = scope.ServiceProvider.GetRequiredService<CaseAssignment>();
        var queues = scope.ServiceProvider.GetRequiredService<CaseQueues>();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var version = await db.Cases.Where(c => c.Id == _world.AdultComplaintA.Id).Select(c => c.Version).SingleAsync();

        var done = await assignment.AssignAsync(officer, _world.AdultComplaintA.Id, version, _world.SecondComplaintsOfficer.Id, _world.ComplaintsTeam.Id);
        var stale = await assignment.AssignAsync(officer, _world.AdultComplaintA.Id, version, _world.ComplaintsOfficer.Id, null);
        var mine = await References(queues, colleague, QueueKind.Mine);
        var team = await References(queues, officer, QueueKind.Team);
        var assigned = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == "assigned");

        Assert.Equal(CaseChangeOutcome.Done, done.Outcome);
        Assert.Equal(CaseChangeOutcome.Stale, stale.Outcome);
        Assert.Equal([_world.AdultComplaintA.Reference], mine);
        Assert.Equal([_world.AdultComplaintA.Reference], team);
        Assert.Equal("Assigned to Drew Second (Complaints and correspondence)", assigned.Summary);
        Assert.Equal(_world.ComplaintsOfficer.Id, assigned.ActorId);
    }

    [Fact]
    public async Task A_case_outside_the_assigners_scope_cannot_be_assigned()
    {
        await using var scope = _services.Scope();
        var assignment = scope.ServiceProvider.GetRequiredService<CaseAssignment>();

        var result = await assignment.AssignAsync(_world.ViewerFor(_world.ServiceManagerB), _world.AdultComplaintA.Id, 0, _world.ServiceManagerB.Id, null);

        Assert.Equal(CaseChangeOutcome.NotFound, result.Outcome);
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("name")]
    [InlineData("surname")]
    [InlineData("email")]
    [InlineData("court")]
    [InlineData("words")]
    public async Task Search_finds_a_case_by_reference_name_email_court_case_number_and_words(string by)
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        var text = by switch
        {
            "reference" => _world.AdultComplaintA.Reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal),
            "name" => "Priya Quartermain",
            "surname" => "quarterm",
            "email" => "PRIYA.Q@example.com",
            "court" => "ma26p10001",
            _ => "report late",
        };
        await using var scope = _services.Scope();
        var search = scope.ServiceProvider.GetRequiredService<CaseSearch>();

        var found = await search.SearchAsync(officer, text, 1, 25);

        Assert.Equal([_world.AdultComplaintA.Reference], found.Items.Select(r => r.Reference));
    }

    [Fact]
    public async Task Search_results_respect_the_searchers_scope()
    {
        await using var scope = _services.Scope();
        var search = scope.ServiceProvider.GetRequiredService<CaseSearch>();

        var otherArea = await search.SearchAsync(_world.ViewerFor(_world.ServiceManagerB), "Priya Quartermain", 1, 25);
        var byReference = await search.SearchAsync(_world.ViewerFor(_world.ServiceManagerB), _world.AdultComplaintA.Reference, 1, 25);
        var restricted = await search.SearchAsync(_world.ViewerFor(_world.SecondComplaintsOfficer), "Felicity Strand", 1, 25);
        var named = await search.SearchAsync(_world.ViewerFor(_world.ComplaintsOfficer), "Felicity Strand", 1, 25);

        Assert.Equal(0, otherArea.Total);
        Assert.Equal(0, byReference.Total);
        Assert.Equal(0, restricted.Total);
        Assert.Equal(1, named.Total);
    }

    [Fact]
    public async Task The_search_index_follows_changes_to_a_case_in_the_same_save()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var @case = await db.Cases.Include(c => c.Issues).SingleAsync(c => c.Id == _world.AdultComplaintB.Id);
        @case.Person.FullName = "Bernadette Zanzibar";
        db.ComplaintIssues.Add(new Heard.Application.Cases.ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = @case.Id, Number = 2, Description = "The safeguarding letter was misaddressed." });
        await db.SaveChangesAsync();
        var search = scope.ServiceProvider.GetRequiredService<CaseSearch>();

        var newName = await search.SearchAsync(officer, "Zanzibar", 1, 25);
        var oldName = await search.SearchAsync(officer, "Bernard", 1, 25);
        var newIssue = await search.SearchAsync(officer, "misaddressed", 1, 25);

        Assert.Equal([_world.AdultComplaintB.Reference], newName.Items.Select(r => r.Reference));
        Assert.Equal(0, oldName.Total);
        Assert.Equal([_world.AdultComplaintB.Reference], newIssue.Items.Select(r => r.Reference));
    }

    [Fact]
    public void Search_terms_keep_only_letters_and_digits_so_typed_operators_cannot_change_the_query()
    {
        var terms = CaseSearch.Terms("\"report\" OR late* -NEAR(x) & ' ; --");

        Assert.Equal(["report", "or", "late", "near", "x"], terms);
    }

    private static async Task<List<string>> References(CaseQueues queues, Viewer viewer, QueueKind kind) =>
        (await queues.QueueAsync(viewer, kind, new QueueFilter(), 1, 50)).Items.Select(r => r.Reference).ToList();
}
