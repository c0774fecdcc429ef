using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Organisation;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heard.Testing;

/// <summary>
/// A small organisation with one member of staff in every role and one case of every kind, for access, queue,
/// search and browser tests: two service areas (A and B), a case of each type in area A, an adult complaint in
/// area B, and a restricted complaint in area A. Every account signs in with <see cref="Password"/>.
/// </summary>
public sealed class WorkspaceWorld
{
    public const string Password = "World-Password-2026";
    public const string EmailDomain = "world.heard.example";

    private readonly Dictionary<Guid, string[]> _roles = [];

    public ServiceArea AreaA { get; private set; } = default!;
    public ServiceArea AreaB { get; private set; } = default!;
    public Team ComplaintsTeam { get; private set; } = default!;
    public Team TeamA { get; private set; } = default!;

    public HeardUser ComplaintsOfficer { get; private set; } = default!;
    public HeardUser SecondComplaintsOfficer { get; private set; } = default!;
    public HeardUser ChildrensManager { get; private set; } = default!;
    public HeardUser ServiceManagerA { get; private set; } = default!;
    public HeardUser HeadOfPracticeA { get; private set; } = default!;
    public HeardUser ServiceManagerB { get; private set; } = default!;
    public HeardUser Communications { get; private set; } = default!;
    public HeardUser InformationRights { get; private set; } = default!;
    public HeardUser BoardReader { get; private set; } = default!;
    public HeardUser Administrator { get; private set; } = default!;

    /// <summary>A practitioner in area A whose line manager is <see cref="ServiceManagerA"/>; cannot sign in.</summary>
    public HeardUser PractitionerA { get; private set; } = default!;

    public Case AdultComplaintA { get; private set; } = default!;
    public Case AdultComplaintB { get; private set; } = default!;
    public Case ChildComplaintA { get; private set; } = default!;
    public Case ComplimentA { get; private set; } = default!;
    public Case MpEnquiryA { get; private set; } = default!;
    public Case OmbudsmanCaseA { get; private set; } = default!;
    public Case SubjectAccessRequestA { get; private set; } = default!;

    /// <summary>A complaint about a manager in area A, restricted to <see cref="ComplaintsOfficer"/> alone.</summary>
    public Case RestrictedComplaintA { get; private set; } = default!;

    public IReadOnlyList<Case> AllCases =>
        [AdultComplaintA, AdultComplaintB, ChildComplaintA, ComplimentA, MpEnquiryA, OmbudsmanCaseA, SubjectAccessRequestA, RestrictedComplaintA];

    public Viewer ViewerFor(HeardUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Viewer.Staff(user, _roles.TryGetValue(user.Id, out var roles) ? roles : []);
    }

    public static async Task<WorkspaceWorld> CreateAsync(HeardDbContext db, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(db);
        var world = new WorkspaceWorld();
        var region = new Region { Id = Guid.CreateVersion7(), Name = "Test region" };
        db.Regions.Add(region);
        world.AreaA = new ServiceArea { Id = Guid.CreateVersion7(), Code = "TSA01", Name = "Area A", RegionId = region.Id };
        world.AreaB = new ServiceArea { Id = Guid.CreateVersion7(), Code = "TSA02", Name = "Area B", RegionId = region.Id };
        db.ServiceAreas.AddRange(world.AreaA, world.AreaB);
        world.TeamA = new Team { Id = Guid.CreateVersion7(), Name = "Area A private law", ServiceAreaId = world.AreaA.Id };
        world.ComplaintsTeam = new Team { Id = Guid.CreateVersion7(), Name = "Complaints and correspondence" };
        db.Teams.AddRange(world.TeamA, world.ComplaintsTeam);

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!);
        var hash = new PasswordHasher<HeardUser>().HashPassword(new HeardUser { DisplayName = "x" }, Password);
        HeardUser Person(string name, string login, string? role, Guid? area = null, Guid? team = null, Guid? manager = null)
        {
            var email = $"{login}@{EmailDomain}";
            var user = new HeardUser
            {
                Id = Guid.CreateVersion7(),
                DisplayName = name,
                JobTitle = role is null ? "Family court adviser" : Roles.Describe(role),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                ServiceAreaId = area,
                TeamId = team,
                ManagerId = manager,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                PasswordHash = role is null ? null : hash,
            };
            db.Users.Add(user);
            if (role is not null)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
                world._roles[user.Id] = [role];
            }

            return user;
        }

        world.ComplaintsOfficer = Person("Casey Officer", "complaints", Roles.ComplaintsTeam, team: world.ComplaintsTeam.Id);
        world.SecondComplaintsOfficer = Person("Drew Second", "complaints2", Roles.ComplaintsTeam, team: world.ComplaintsTeam.Id);
        world.ChildrensManager = Person("Sam Children", "children", Roles.ChildrensComplaintsManager);
        world.ServiceManagerA = Person("Alex Manager-A", "sm.a", Roles.ServiceManager, world.AreaA.Id, world.TeamA.Id);
        world.HeadOfPracticeA = Person("Hope Practice-A", "hop.a", Roles.HeadOfPractice, world.AreaA.Id);
        world.ServiceManagerB = Person("Blake Manager-B", "sm.b", Roles.ServiceManager, world.AreaB.Id);
        world.Communications = Person("Robin Comms", "communications", Roles.Communications);
        world.InformationRights = Person("Kim Rights", "information.rights", Roles.InformationRights);
        world.BoardReader = Person("Pat Board", "board", Roles.BoardReader);
        world.Administrator = Person("Chris Admin", "admin", Roles.Administrator);
        world.PractitionerA = Person("Jo Practitioner", "fca.a", null, world.AreaA.Id, world.TeamA.Id, world.ServiceManagerA.Id);
        await db.SaveChangesAsync();

        Case Make(CaseType type, Audience audience, ServiceArea area, string name, string email, string issue, string? court = null, bool restricted = false)
        {
            var @case = new Case
            {
                Id = Guid.CreateVersion7(),
                Reference = CaseReference.New(type),
                Type = type,
                Audience = audience,
                Channel = Channel.Web,
                ReceivedAt = receivedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                ReceivedOn = receivedOn,
                State = ComplaintStates.Received,
                ServiceAreaId = area.Id,
                LawType = LawType.Private,
                CourtCaseNumber = court,
                Restricted = restricted,
                Person = new Person { FullName = name, Email = email, Role = audience == Audience.Child ? ComplainantRole.Child : ComplainantRole.Parent },
                UpdatedAt = receivedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            };
            @case.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = @case.Id, Number = 1, Description = issue });
            db.Cases.Add(@case);
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = @case.Id,
                At = @case.ReceivedAt,
                Kind = "received",
                ActorName = Actor.Public.Name,
                ActorRole = Actor.PublicRole,
                ToState = ComplaintStates.Received,
                Summary = "Received by online form",
            });
            return @case;
        }

        world.AdultComplaintA = Make(CaseType.Complaint, Audience.Adult, world.AreaA, "Priya Quartermain", "priya.q@example.com", "The report to court was late and nobody told me why.", "MA26P10001");
        world.AdultComplaintB = Make(CaseType.Complaint, Audience.Adult, world.AreaB, "Bernard Holloway", "b.holloway@example.com", "My worker did not return my calls about the hearing.", "LS26P20002");
        world.ChildComplaintA = Make(CaseType.Complaint, Audience.Child, world.AreaA, "Tilly Marchbank", "tilly@example.com", "Nobody listened to what I wanted about where I live.");
        world.ComplimentA = Make(CaseType.Compliment, Audience.Adult, world.AreaA, "Gloria Fenwick", "gloria@example.com", "Our worker was kind and explained everything.");
        world.MpEnquiryA = Make(CaseType.MpEnquiry, Audience.Adult, world.AreaA, "Oswald Penrose MP", "penrose@example.org", "Enquiry on behalf of a constituent about a delayed report.");
        world.OmbudsmanCaseA = Make(CaseType.OmbudsmanCase, Audience.Adult, world.AreaA, "Wendy Ashcombe", "wendy@example.com", "The Ombudsman is looking at how my complaint was handled.");
        world.SubjectAccessRequestA = Make(CaseType.SubjectAccessRequest, Audience.Adult, world.AreaA, "Harold Inchbald", "harold@example.com", "Please send me all the data you hold about me.");
        world.RestrictedComplaintA = Make(CaseType.Complaint, Audience.Adult, world.AreaA, "Felicity Strand", "felicity@example.com", "Complaint about the conduct of the service manager.", restricted: true);
        db.CaseAccessGrants.Add(new CaseAccessGrant { Id = Guid.CreateVersion7(), CaseId = world.RestrictedComplaintA.Id, UserId = world.ComplaintsOfficer.Id, GrantedAt = world.RestrictedComplaintA.ReceivedAt });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return world;
    }

    /// <summary>Adds an open deadline to a case (straight into the table: the dates are what a test needs, not computed).</summary>
    public static async Task AddDeadlineAsync(HeardDbContext db, Case @case, string kind, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        db.CaseDeadlines.Add(new CaseDeadline
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            Kind = kind,
            Rule = "working-days:15",
            StartsOn = @case.ReceivedOn,
            DueOn = dueOn,
            Explanation = "Set by the test",
        });
        await db.SaveChangesAsync();
    }
}
