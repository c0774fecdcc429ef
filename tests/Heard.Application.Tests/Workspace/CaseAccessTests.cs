using System.Linq.Expressions;
using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Workspace;

// Who sees what, by role and scope, through the one filter every page, queue, search and API read uses.
public sealed class CaseAccessTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TestServices _services = default!;
    private WorkspaceWorld _world = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = await TestServices.CreateAsync(_database);
        await using var scope = _services.Scope();
        _world = await WorkspaceWorld.CreateAsync(scope.ServiceProvider.GetRequiredService<HeardDbContext>(), new DateOnly(2026, 3, 2));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string, string[]> Expectations => new()
    {
        { "complaints", ["AdultComplaintA", "AdultComplaintB", "ComplimentA", "OmbudsmanCaseA", "RestrictedComplaintA"] },
        { "complaints2", ["AdultComplaintA", "AdultComplaintB", "ComplimentA", "OmbudsmanCaseA"] },
        { "children", ["ChildComplaintA"] },
        { "sm.a", ["AdultComplaintA", "ComplimentA", "MpEnquiryA", "OmbudsmanCaseA"] },
        { "hop.a", ["AdultComplaintA", "ComplimentA", "MpEnquiryA", "OmbudsmanCaseA"] },
        { "sm.b", ["AdultComplaintB"] },
        { "communications", ["MpEnquiryA"] },
        { "information.rights", ["SubjectAccessRequestA"] },
        { "board", [] },
        { "admin", [] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Each_role_sees_exactly_the_cases_its_role_and_scope_cover(string login, string[] expected)
    {
        var viewer = _world.ViewerFor(UserByLogin(login));
        await using var scope = _services.Scope();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();

        var seen = await access.Visible(viewer).Select(c => c.Id).ToListAsync();
        var single = new List<string>();
        foreach (var (name, @case) in Named())
        {
            if (await access.CanSeeAsync(viewer, @case.Id))
            {
                single.Add(name);
            }
        }

        Assert.Equal(expected.Order(), Named().Where(n => seen.Contains(n.Case.Id)).Select(n => n.Name).Order());
        Assert.Equal(expected.Order(), single.Order());
    }

    [Fact]
    public async Task Restricting_a_case_names_whoever_restricted_it_hides_it_from_the_rest_and_is_recorded()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        var manager = _world.ViewerFor(_world.ServiceManagerA);
        await using var scope = _services.Scope();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var version = await db.Cases.Where(c => c.Id == _world.AdultComplaintA.Id).Select(c => c.Version).SingleAsync();

        var result = await access.SetRestrictedAsync(officer, _world.AdultComplaintA.Id, version, restricted: true, "It is about the area's service manager");

        Assert.Equal(CaseChangeOutcome.Done, result.Outcome);
        Assert.True(await access.CanSeeAsync(officer, _world.AdultComplaintA.Id));
        Assert.False(await access.CanSeeAsync(manager, _world.AdultComplaintA.Id));
        Assert.False(await access.CanSeeAsync(_world.ViewerFor(_world.SecondComplaintsOfficer), _world.AdultComplaintA.Id));
        var restricted = await db.CaseEvents.SingleAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == "restricted");
        Assert.Equal("It is about the area's service manager", restricted.Reason);
        Assert.Equal(_world.ComplaintsOfficer.Id, restricted.ActorId);
    }

    [Fact]
    public async Task Naming_someone_on_a_restricted_case_lets_them_see_it_whatever_their_role()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        var otherArea = _world.ViewerFor(_world.ServiceManagerB);
        await using var scope = _services.Scope();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var version = await db.Cases.Where(c => c.Id == _world.RestrictedComplaintA.Id).Select(c => c.Version).SingleAsync();
        Assert.False(await access.CanSeeAsync(otherArea, _world.RestrictedComplaintA.Id));

        var result = await access.NameAsync(officer, _world.RestrictedComplaintA.Id, version, _world.ServiceManagerB.Id);

        Assert.Equal(CaseChangeOutcome.Done, result.Outcome);
        Assert.True(await access.CanSeeAsync(otherArea, _world.RestrictedComplaintA.Id));
        Assert.Contains(await db.CaseEvents.Where(e => e.CaseId == _world.RestrictedComplaintA.Id).Select(e => e.Kind).ToListAsync(), k => k == "access-granted");
    }

    [Fact]
    public async Task Only_the_complaints_team_may_restrict_and_a_stale_version_is_refused()
    {
        await using var scope = _services.Scope();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var version = await db.Cases.Where(c => c.Id == _world.AdultComplaintA.Id).Select(c => c.Version).SingleAsync();

        var byManager = await access.SetRestrictedAsync(_world.ViewerFor(_world.ServiceManagerA), _world.AdultComplaintA.Id, version, true, "why");
        var outOfScope = await access.SetRestrictedAsync(_world.ViewerFor(_world.ServiceManagerB), _world.AdultComplaintA.Id, version, true, "why");
        var stale = await access.SetRestrictedAsync(_world.ViewerFor(_world.ComplaintsOfficer), _world.AdultComplaintA.Id, version - 1, true, "why");
        var noReason = await access.SetRestrictedAsync(_world.ViewerFor(_world.ComplaintsOfficer), _world.AdultComplaintA.Id, version, true, " ");

        Assert.Equal(CaseChangeOutcome.Forbidden, byManager.Outcome);
        Assert.Equal(CaseChangeOutcome.NotFound, outOfScope.Outcome);
        Assert.Equal(CaseChangeOutcome.Stale, stale.Outcome);
        Assert.Equal(CaseChangeOutcome.Invalid, noReason.Outcome);
        Assert.False(await db.Cases.Where(c => c.Id == _world.AdultComplaintA.Id).Select(c => c.Restricted).SingleAsync());
    }

    [Fact]
    public async Task A_sharing_rule_slots_into_the_filter_without_touching_restricted_cases()
    {
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var access = new CaseAccess(db, scope.ServiceProvider.GetRequiredService<CaseHistory>(), _services.Clock, [new ChildrensCasesSharedWithArea()]);
        var manager = _world.ViewerFor(_world.ServiceManagerA);

        Assert.True(await access.CanSeeAsync(manager, _world.ChildComplaintA.Id));
        Assert.False(await access.CanSeeAsync(_world.ViewerFor(_world.ServiceManagerB), _world.ChildComplaintA.Id));
        Assert.False(await access.CanSeeAsync(manager, _world.RestrictedComplaintA.Id));
    }

    [Fact]
    public async Task Each_view_is_written_to_the_access_log_with_who_and_when()
    {
        var officer = _world.ViewerFor(_world.ComplaintsOfficer);
        await using var scope = _services.Scope();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();

        await access.RecordViewAsync(officer, _world.AdultComplaintA.Id, "case-page");
        await access.RecordViewAsync(officer, _world.AdultComplaintA.Id, "case-page");
        var log = await access.LogAsync(_world.AdultComplaintA.Id, 1, 50);

        Assert.Equal(2, log.Total);
        Assert.All(log.Items, row => Assert.Equal("Casey Officer", row.ViewerName));
        Assert.All(log.Items, row => Assert.Equal(_services.Clock.GetUtcNow().UtcDateTime, row.At));
        Assert.All(log.Items, row => Assert.Equal(_world.AdultComplaintA.Reference, row.Reference));
    }

    private sealed class ChildrensCasesSharedWithArea : ICaseVisibilityRule
    {
        public Expression<Func<Case, bool>>? SharedWith(Viewer viewer) =>
            viewer.ServiceAreaId is { } area ? c => c.Audience == Audience.Child && c.ServiceAreaId == area : null;
    }

    private IEnumerable<(string Name, Case Case)> Named() =>
    [
        ("AdultComplaintA", _world.AdultComplaintA), ("AdultComplaintB", _world.AdultComplaintB), ("ChildComplaintA", _world.ChildComplaintA),
        ("ComplimentA", _world.ComplimentA), ("MpEnquiryA", _world.MpEnquiryA), ("OmbudsmanCaseA", _world.OmbudsmanCaseA),
        ("SubjectAccessRequestA", _world.SubjectAccessRequestA), ("RestrictedComplaintA", _world.RestrictedComplaintA),
    ];

    private Heard.Application.Identity.HeardUser UserByLogin(string login) => login switch
    {
        "complaints" => _world.ComplaintsOfficer,
        "complaints2" => _world.SecondComplaintsOfficer,
        "children" => _world.ChildrensManager,
        "sm.a" => _world.ServiceManagerA,
        "hop.a" => _world.HeadOfPracticeA,
        "sm.b" => _world.ServiceManagerB,
        "communications" => _world.Communications,
        "information.rights" => _world.InformationRights,
        "board" => _world.BoardReader,
        _ => _world.Administrator,
    };
}
