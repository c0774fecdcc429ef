using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Organisation;
using Heard.Domain.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Demo;

/// <summary>
/// Demo data that looks like the service: regions, the 19 operational service areas, teams, staff in every role,
/// family court cases and three financial years of complaints in the proportions of the board papers (about 1,500
/// adult and 20–30 children's complaints a year), each walked through its procedure as far as it would have got by
/// today (<see cref="DemoProcedure"/>). A fixed seed makes every load the same for the same "today".
/// Never loaded outside Development; the demo accounts exist nowhere else.
/// </summary>
public static class DemoData
{
    public const string Password = "DemoPassword2026";
    public const string EmailDomain = "demo.heard.example";
    private const int Seed = 20100701;

    public static readonly IReadOnlyList<(string Email, string Role, string Who)> Accounts =
    [
        ($"complaints@{EmailDomain}", Roles.ComplaintsTeam, "Complaints and correspondence officer"),
        ($"children@{EmailDomain}", Roles.ChildrensComplaintsManager, "Children's complaints manager"),
        ($"sm.osa03@{EmailDomain}", Roles.ServiceManager, "Service manager, Greater Manchester"),
        ($"hop.osa03@{EmailDomain}", Roles.HeadOfPractice, "Head of practice, Greater Manchester"),
        ($"communications@{EmailDomain}", Roles.Communications, "Communications team"),
        ($"information.rights@{EmailDomain}", Roles.InformationRights, "Information rights team"),
        ($"board@{EmailDomain}", Roles.BoardReader, "Board member (reports only)"),
        ($"admin@{EmailDomain}", Roles.Administrator, "Administrator"),
    ];

    internal static readonly (string Region, string[] Areas)[] Structure =
    [
        ("North", ["North East", "Cumbria and Lancashire", "Greater Manchester", "Cheshire and Merseyside", "West Yorkshire", "South Yorkshire and Humber"]),
        ("Midlands", ["East Midlands", "West Midlands", "Staffordshire and Shropshire"]),
        ("East", ["Norfolk, Suffolk and Cambridgeshire", "Essex", "Hertfordshire and Bedfordshire"]),
        ("South East", ["Thames Valley", "Kent", "Surrey and Sussex", "Hampshire and Isle of Wight"]),
        ("South West", ["Devon and Cornwall", "Avon, Gloucestershire and Wiltshire"]),
        ("London", ["London"]),
    ];

    private static readonly string[] FirstNames =
    [
        "Amira", "Ben", "Chloe", "Daniel", "Ella", "Farhan", "Grace", "Harry", "Isla", "Jamal", "Katie", "Liam",
        "Maya", "Nathan", "Olivia", "Priya", "Quentin", "Rosie", "Sam", "Tariq", "Uma", "Victor", "Wiktoria", "Yusuf",
        "Zara", "Aidan", "Bethan", "Connor", "Deborah", "Emeka", "Fiona", "Gareth", "Hannah", "Imran", "Joanne",
    ];

    private static readonly string[] LastNames =
    [
        "Adeyemi", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan",
        "Lewis", "Morgan", "Nowak", "O'Brien", "Patel", "Quinn", "Roberts", "Smith", "Taylor", "Usman", "Walker",
        "Williams", "Wright", "Young", "Ahmed", "Brown", "Campbell", "Edwards", "Hall", "Kaur", "Murphy", "Singh",
    ];

    // What people complain about, in their own words (the board papers: not being listened to, reports, delay,
    // bias, not explaining the role, not seeing the child).
    private static readonly string[] AdultIssues =
    [
        "The family court adviser did not listen to what I told them about my children.",
        "The report to court contained information about me that is wrong.",
        "I was not told when the report would be ready and only saw it the day before the hearing.",
        "The worker was biased against me as the father and only spoke to my ex-partner.",
        "Nobody explained what Cafcass does or what would happen next.",
        "My children were not seen in person before the report was written.",
        "I left several messages and nobody called me back.",
        "The worker made a comment about my family that was hurtful and unprofessional.",
        "My concerns about domestic abuse were not taken seriously.",
        "The case was closed without anyone telling me.",
        "I was given a different worker three times and had to repeat everything.",
        "Private information about me was shared with the other party.",
    ];

    private static readonly string[] ChildIssues =
    [
        "I don't feel listened to. I told my worker what I wanted and it is not in the report.",
        "My worker said they would visit again but never came.",
        "Nobody told me what was happening with court.",
        "I sent a message to my worker and didn't get a reply.",
        "The goodbye letter said things I didn't want my dad to read.",
    ];

    private static readonly string[] Outcomes =
    [
        "An apology and for the report to be corrected.",
        "A new worker for my case.",
        "For someone to explain what happened and why.",
        "For my views to be shared with the court.",
        "For Cafcass to learn from this so it does not happen to other families.",
    ];

    /// <summary>Loads the demo data unless the database already has service areas (so it happens once).</summary>
    public static async Task LoadOnceAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var clock = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        if (await db.ServiceAreas.AnyAsync(cancellationToken))
        {
            return;
        }

        await LoadAsync(db, UkTime.Today(clock), cancellationToken);

        // People served and equality answers (issue 7) come after the case demo, which is timed on its own.
        await EqualityDemoData.LoadAsync(db, cancellationToken);
    }

    public static async Task LoadAsync(HeardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(Seed);
        // The demo writes thousands of cases and bulk-inserts their histories: their report facts are written
        // once, at the end, rather than at each save.
        db.ReportFactsDeferred = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var organisation = BuildOrganisation(db);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, cancellationToken);
        var staff = BuildStaff(db, organisation, roles);
        await db.SaveChangesAsync(cancellationToken);

        var courtCases = BuildCourtCases(db, organisation, staff, today, random);
        await db.SaveChangesAsync(cancellationToken);

        var walker = await DemoProcedure.CreateAsync(db, staff, today, cancellationToken);
        await BuildComplaintsAsync(db, courtCases, walker, today, random, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();
        await RecordsDemoData.LoadAsync(db, today, cancellationToken);
        await Learning.LearningDemoData.LoadAsync(db, today, cancellationToken);
        db.ReportFactsDeferred = false;
        await Reporting.ReportFacts.RebuildAsync(db, cancellationToken);
    }

    private sealed record Organisation(List<ServiceArea> Areas, Dictionary<Guid, List<Team>> Teams, Guid ComplaintsTeamId);

    internal sealed record Staff(
        Dictionary<Guid, List<HeardUser>> PractitionersByArea,
        Dictionary<Guid, HeardUser> ServiceManagers,
        Dictionary<Guid, HeardUser> HeadsOfPractice,
        List<HeardUser> ComplaintsTeam,
        HeardUser ChildrensComplaintsManager);

    private static Organisation BuildOrganisation(HeardDbContext db)
    {
        var areas = new List<ServiceArea>();
        var teams = new Dictionary<Guid, List<Team>>();
        var number = 1;
        foreach (var (regionName, areaNames) in Structure)
        {
            var region = new Region { Id = Guid.CreateVersion7(), Name = regionName };
            db.Regions.Add(region);
            foreach (var name in areaNames)
            {
                var area = new ServiceArea { Id = Guid.CreateVersion7(), Code = $"OSA{number++:00}", Name = name, RegionId = region.Id };
                db.ServiceAreas.Add(area);
                areas.Add(area);
                teams[area.Id] =
                [
                    new Team { Id = Guid.CreateVersion7(), Name = $"{name} private law", ServiceAreaId = area.Id },
                    new Team { Id = Guid.CreateVersion7(), Name = $"{name} public law", ServiceAreaId = area.Id },
                    new Team { Id = Guid.CreateVersion7(), Name = $"{name} early intervention", ServiceAreaId = area.Id },
                ];
                db.Teams.AddRange(teams[area.Id]);
            }
        }

        var complaints = new Team { Id = Guid.CreateVersion7(), Name = "Complaints and correspondence" };
        db.Teams.Add(complaints);
        return new Organisation(areas, teams, complaints.Id);
    }

    private static Staff BuildStaff(HeardDbContext db, Organisation organisation, Dictionary<string, HeardRole> roles)
    {
        var hasher = new PasswordHasher<HeardUser>();
        // Hashing is deliberately slow; every demo account shares one password, so hash it once.
        var passwordHash = hasher.HashPassword(new HeardUser { DisplayName = "demo" }, Password);

        HeardUser Person(string name, string email, string? title, Guid? areaId, Guid? teamId, Guid? managerId, string? role)
        {
            var user = new HeardUser
            {
                Id = Guid.CreateVersion7(),
                DisplayName = name,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                JobTitle = title,
                ServiceAreaId = areaId,
                TeamId = teamId,
                ManagerId = managerId,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                PasswordHash = role is null ? null : passwordHash,
            };
            db.Users.Add(user);
            if (role is not null)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
            }

            return user;
        }

        List<HeardUser> complaintsTeam =
        [
            Person("Morgan Ellis", $"complaints@{EmailDomain}", "Complaints and correspondence officer", null, organisation.ComplaintsTeamId, null, Roles.ComplaintsTeam),
            Person("Jordan Reid", $"complaints2@{EmailDomain}", "Complaints and correspondence officer", null, organisation.ComplaintsTeamId, null, Roles.ComplaintsTeam),
            Person("Alex Okafor", $"complaints3@{EmailDomain}", "Complaints and correspondence officer", null, organisation.ComplaintsTeamId, null, Roles.ComplaintsTeam),
        ];
        var childrensManager = Person("Sasha Whitfield", $"children@{EmailDomain}", "Children's complaints manager", null, null, null, Roles.ChildrensComplaintsManager);
        Person("Robin Ashworth", $"communications@{EmailDomain}", "Communications officer", null, null, null, Roles.Communications);
        Person("Kim Osei", $"information.rights@{EmailDomain}", "Information rights officer", null, null, null, Roles.InformationRights);
        Person("Pat Lindqvist", $"board@{EmailDomain}", "Board member", null, null, null, Roles.BoardReader);
        Person("Chris Mensah", $"admin@{EmailDomain}", "Systems administrator", null, null, null, Roles.Administrator);

        var practitioners = new Dictionary<Guid, List<HeardUser>>();
        var serviceManagers = new Dictionary<Guid, HeardUser>();
        var heads = new Dictionary<Guid, HeardUser>();
        var n = 0;
        foreach (var area in organisation.Areas)
        {
            var code = area.Code.ToLowerInvariant();
            var manager = Person($"{FirstNames[n % FirstNames.Length]} {LastNames[(n * 7) % LastNames.Length]}", $"sm.{code}@{EmailDomain}",
                $"Service manager, {area.Name}", area.Id, organisation.Teams[area.Id][0].Id, null, Roles.ServiceManager);
            serviceManagers[area.Id] = manager;
            n++;
            heads[area.Id] = Person($"{FirstNames[n % FirstNames.Length]} {LastNames[(n * 7) % LastNames.Length]}", $"hop.{code}@{EmailDomain}",
                $"Head of practice, {area.Name}", area.Id, null, null, Roles.HeadOfPractice);
            n++;
            var list = new List<HeardUser>();
            for (var p = 0; p < 6; p++, n++)
            {
                var team = organisation.Teams[area.Id][p % 3];
                list.Add(Person($"{FirstNames[n % FirstNames.Length]} {LastNames[(n * 5 + 3) % LastNames.Length]}", $"fca{p + 1}.{code}@{EmailDomain}",
                    "Family court adviser", area.Id, team.Id, manager.Id, null));
            }

            practitioners[area.Id] = list;
        }

        return new Staff(practitioners, serviceManagers, heads, complaintsTeam, childrensManager);
    }

    private static List<FamilyCourtCase> BuildCourtCases(HeardDbContext db, Organisation organisation, Staff staff, DateOnly today, Random random)
    {
        var start = FinancialYearStart(today).AddYears(-2).AddMonths(-9);
        var span = today.DayNumber - start.DayNumber;
        var cases = new List<FamilyCourtCase>();
        for (var i = 0; i < 5200; i++)
        {
            // London and the big northern areas hear more cases.
            var area = organisation.Areas[Math.Min(organisation.Areas.Count - 1, (int)(Math.Pow(random.NextDouble(), 1.15) * organisation.Areas.Count))];
            var law = random.NextDouble() switch { < 0.78 => LawType.Private, < 0.98 => LawType.Public, _ => LawType.Other };
            var started = start.AddDays(random.Next(span));
            var ended = random.NextDouble() < 0.55 ? started.AddDays(random.Next(60, 420)) : (DateOnly?)null;
            var courtCase = new FamilyCourtCase
            {
                Id = Guid.CreateVersion7(),
                CaseNumber = $"{CourtCodes[random.Next(CourtCodes.Length)]}{started.Year % 100:00}{(law == LawType.Public ? 'C' : 'P')}{i + 10000:00000}",
                LawType = law,
                ServiceAreaId = area.Id,
                PractitionerId = staff.PractitionersByArea[area.Id][random.Next(6)].Id,
                ChildrenCount = 1 + (int)(random.NextDouble() * random.NextDouble() * 4),
                StartedOn = started,
                InvolvementEndedOn = ended is { } e && e < today ? e : null,
            };
            db.FamilyCourtCases.Add(courtCase);
            cases.Add(courtCase);
        }

        return cases;
    }

    private static readonly string[] CourtCodes = ["MA", "LV", "LS", "NE", "BM", "NG", "CF", "BS", "EC", "ZW", "BF", "PO"];

    private static async Task BuildComplaintsAsync(HeardDbContext db, List<FamilyCourtCase> courtCases, DemoProcedure walker, DateOnly today, Random random, CancellationToken cancellationToken)
    {
        var from = FinancialYearStart(today).AddYears(-2);
        var day = from;
        while (day <= today)
        {
            // A week at a time: EF's save slows down as the number of tracked rows grows (one save of everything took
            // twice as long).
            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                await walker.SaveAsync(cancellationToken);
            }

            if (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                // About 1,500 adult complaints a year over ~252 working days, and 20–30 from children.
                var adults = Poisson(random, 1500.0 / 252);
                for (var i = 0; i < adults; i++)
                {
                    AddComplaint(db, courtCases, walker, day, Audience.Adult, random);
                }

                if (random.NextDouble() < 25.0 / 252)
                {
                    AddComplaint(db, courtCases, walker, day, Audience.Child, random);
                }
            }

            day = day.AddDays(1);
        }

        await walker.SaveAsync(cancellationToken);
    }

    private static void AddComplaint(HeardDbContext db, List<FamilyCourtCase> courtCases, DemoProcedure walker, DateOnly receivedOn, Audience audience, Random random)
    {
        var court = courtCases[random.Next(courtCases.Count)];
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var child = audience == Audience.Child;
        var receivedAt = receivedOn.ToDateTime(new TimeOnly(8 + random.Next(10), random.Next(60)), DateTimeKind.Utc);
        var channel = child ? Channel.Web : random.NextDouble() switch { < 0.6 => Channel.Web, < 0.85 => Channel.Email, < 0.95 => Channel.Letter, _ => Channel.Phone };
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = CaseReference.New(CaseType.Complaint, random.Next),
            Type = CaseType.Complaint,
            Audience = audience,
            Channel = channel,
            ReceivedAt = receivedAt,
            ReceivedOn = receivedOn,
            State = ComplaintIntake.InitialState,
            ServiceAreaId = court.ServiceAreaId,
            FamilyCourtCaseId = court.Id,
            CourtCaseNumber = court.CaseNumber,
            LawType = court.LawType,
            PractitionerId = court.PractitionerId,
            InvolvementEndedOn = court.InvolvementEndedOn is { } ended && ended < receivedOn ? ended : null,
            Person = new Person
            {
                FullName = $"{first} {last}",
                Role = child ? ComplainantRole.Child : random.NextDouble() switch { < 0.75 => ComplainantRole.Parent, < 0.85 => ComplainantRole.LitigantInPerson, < 0.95 => ComplainantRole.FamilyMember, _ => ComplainantRole.Carer },
                Email = $"{first}.{last}{random.Next(10, 99)}@example.com".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal),
                ContactPreference = ContactPreference.Email,
            },
            OutcomeWanted = child ? null : Outcomes[random.Next(Outcomes.Length)],
            UpdatedAt = receivedAt,
        };
        var issues = child ? 1 : 1 + (random.NextDouble() < 0.35 ? 1 : 0) + (random.NextDouble() < 0.1 ? 1 : 0);
        var pool = child ? ChildIssues : AdultIssues;
        var themes = child ? ChildIssueThemes : AdultIssueThemes;
        var themeOf = new Dictionary<int, string>();
        for (var i = 0; i < issues; i++)
        {
            var which = random.Next(pool.Length);
            @case.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = @case.Id, Number = i + 1, Description = pool[which] });
            themeOf[i + 1] = themes[which];
        }

        db.Cases.Add(@case);
        walker.Walk(@case, themeOf, random);
    }

    // The theme each of the demo issues above is about, in the same order.
    private static readonly string[] AdultIssueThemes =
    [
        "not-listened-to", "report-accuracy", "delay", "bias", "communication", "child-not-seen",
        "communication", "conduct", "safeguarding", "case-closure", "communication", "confidentiality",
    ];

    private static readonly string[] ChildIssueThemes = ["not-listened-to", "communication", "communication", "communication", "confidentiality"];

    private static int Poisson(Random random, double mean)
    {
        // Knuth's method: fine for the small means of daily complaint counts.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    public static DateOnly FinancialYearStart(DateOnly date) =>
        new(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);

    /// <summary>What a developer needs after <c>dotnet run</c>: where to go and how to sign in.</summary>
    public static void PrintWelcome(IEnumerable<string> urls, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var url = urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine($"Heard is running at {url}  (database: {database.Provider})");
        Console.WriteLine($"  Public pages:  {url}/");
        Console.WriteLine($"  Staff sign in: {url}/staff/sign-in");
        Console.WriteLine($"  Demo accounts (Development only), password {Password}:");
        foreach (var (email, _, who) in Accounts)
        {
            Console.WriteLine($"    {email,-40} {who}");
        }

        Console.WriteLine();
    }
}
