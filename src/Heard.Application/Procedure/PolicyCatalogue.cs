using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Heard.Application.Procedure;

/// <summary>
/// The stored versions of the complaints procedure. Heard ships four (<c>Procedure/Policies/*.json</c>: the 2010
/// and 2013 procedures, and the 2023 adults' and children's policies) and writes any that are missing into the
/// PolicyVersion table when the database is set up; administrators add later versions. A version is never changed
/// once stored, so a parsed one is kept for the life of the process.
/// </summary>
public sealed class PolicyCatalogue(HeardDbContext db, PolicyCache cache, LetterTemplates templates, TimeProvider clock)
{
    public const string BuiltInOrigin = "built-in";
    public const string AdministratorOrigin = "administrator";

    /// <summary>The setting that moves a built-in version's effective date, for example <c>Heard:Procedure:EffectiveFrom:procedure-2013</c>.</summary>
    public const string EffectiveFromSetting = "Heard:Procedure:EffectiveFrom";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public PolicyVocabulary Vocabulary => VocabularyOf(templates);

    public static PolicyVocabulary VocabularyOf(LetterTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return new PolicyVocabulary(Roles.All, templates.Exists);
    }

    /// <summary>The definitions Heard ships with, as JSON, by file name.</summary>
    public static IReadOnlyList<(string Name, string Json)> BuiltInDefinitions()
    {
        var assembly = typeof(PolicyCatalogue).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("policies/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n["policies/".Length..], Read(assembly, n)))
            .ToList();
    }

    /// <summary>
    /// Stores each built-in version the database does not have yet. A configured effective date
    /// (<see cref="EffectiveFromSetting"/>) replaces the shipped one before it is stored, within the same year: the
    /// 2013 procedure's date is configurable because the board agreed it on 1 March 2013 but the papers do not say
    /// from when it applied; Heard ships 1 April 2013.
    /// </summary>
    public static async Task EnsureBuiltInAsync(HeardDbContext db, IConfiguration? configuration, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var stored = await db.PolicyVersions.Select(p => p.Key).ToListAsync(cancellationToken);
        var vocabulary = VocabularyOf(LetterTemplates.BuiltIn);
        var added = false;
        foreach (var (name, json) in BuiltInDefinitions())
        {
            var text = ApplyConfiguredDate(name, json, configuration);
            var read = PolicyReader.Read(text, vocabulary);
            if (!read.Succeeded)
            {
                throw new InvalidOperationException($"The built-in policy {name} is not valid: {string.Join("; ", read.Problems)}");
            }

            var policy = read.Policy!;
            if (stored.Contains(policy.Key))
            {
                continue;
            }

            db.PolicyVersions.Add(Row(policy, text, BuiltInOrigin, "Heard", "Shipped with Heard", clock.GetUtcNow().UtcDateTime));
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string ApplyConfiguredDate(string name, string json, IConfiguration? configuration)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var code = (string?)node["code"] ?? "";
        var configured = configuration?[$"{EffectiveFromSetting}:{code}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return json;
        }

        var shipped = DateOnly.ParseExact((string)node["effectiveFrom"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(configured.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidOperationException($"{EffectiveFromSetting}:{code} must be a date written as YYYY-MM-DD, not '{configured}'.");
        }

        if (date.Year != shipped.Year)
        {
            throw new InvalidOperationException($"{EffectiveFromSetting}:{code} must be a date in {shipped.Year} (the year the change was agreed); {name} ships {CalendarText.Iso(shipped)}.");
        }

        node["effectiveFrom"] = CalendarText.Iso(date);
        return node.ToJsonString(Pretty);
    }

    public async Task<IReadOnlyList<PolicyVersion>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.PolicyVersions.AsNoTracking().OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Code).ThenBy(p => p.Version).ToListAsync(cancellationToken);

    public async Task<PolicyVersion?> FindRowAsync(string key, CancellationToken cancellationToken = default) =>
        await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, cancellationToken);

    /// <summary>The policy a case follows, by the key it records. Throws if the key is unknown: a case never loses its policy.</summary>
    public async Task<ProcedurePolicy> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(key, out var policy))
        {
            return policy;
        }

        var row = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, cancellationToken)
            ?? throw new InvalidOperationException($"No policy version {key} is stored.");
        var read = PolicyReader.Read(row.Definition, Vocabulary);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException($"The stored policy {key} no longer reads: {string.Join("; ", read.Problems)}");
        }

        return cache.Add(key, read.Policy!);
    }

    /// <summary>The policy a complaint from <paramref name="audience"/> received on <paramref name="receivedOn"/> follows, or null if none covers it.</summary>
    public async Task<ProcedurePolicy?> ForReceiptAsync(Audience audience, DateOnly receivedOn, CancellationToken cancellationToken = default)
    {
        var chosen = PolicySelection.For(await HeadersAsync(cancellationToken), audience, receivedOn);
        return chosen is null ? null : await GetAsync(chosen.Key, cancellationToken);
    }

    public async Task<string> NoneCoversAsync(Audience audience, DateOnly receivedOn, CancellationToken cancellationToken = default) =>
        PolicySelection.NoneCovers(await HeadersAsync(cancellationToken), audience, receivedOn);

    public Task<int> CasesFollowingAsync(string key, CancellationToken cancellationToken = default) =>
        db.Cases.CountAsync(c => c.PolicyCode == key, cancellationToken);

    /// <summary>
    /// Stores a new version from an administrator's definition. Its version number is the next for its code,
    /// whatever the definition says; the definition must read without a problem. Nothing already stored changes.
    /// </summary>
    public async Task<PolicyVersion> CreateVersionAsync(string definition, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError("Reason", "Enter why the procedure is changing"));
        }
        else if (reason.Length > Limits.LongText)
        {
            errors.Add(new FieldError("Reason", $"The reason must be {Limits.LongText:N0} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(definition))
        {
            errors.Add(new FieldError("Definition", "Enter the policy definition"));
            throw new ValidationFailedException(errors);
        }

        if (definition.Length > Limits.PolicyDefinition)
        {
            errors.Add(new FieldError("Definition", $"The definition must be {Limits.PolicyDefinition:N0} characters or fewer"));
            throw new ValidationFailedException(errors);
        }

        JsonObject node;
        try
        {
            node = JsonNode.Parse(definition, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new JsonException("The definition must be a JSON object, starting with {.");
        }
        catch (JsonException e)
        {
            errors.Add(new FieldError("Definition", $"The definition is not valid JSON: {e.Message}"));
            throw new ValidationFailedException(errors);
        }

        var code = (node["code"] as JsonValue)?.TryGetValue<string>(out var c) == true ? c : null;
        var next = code is null ? 1 : (await db.PolicyVersions.Where(p => p.Code == code).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0) + 1;
        node["version"] = next;
        var text = node.ToJsonString(Pretty);
        var read = PolicyReader.Read(text, Vocabulary);
        errors.AddRange(read.Problems.Select(p => new FieldError("Definition", p.ToString())));
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var row = Row(read.Policy!, text, AdministratorOrigin, actor.Name, reason!.Trim(), clock.GetUtcNow().UtcDateTime);
        db.PolicyVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ValidationFailedException([new FieldError("Definition", $"Someone else has just saved version {next} of {code}. Start again from the latest version.")]);
        }

        return row;
    }

    /// <summary>A version's definition ready to be edited into the next: pretty, with the version it will get.</summary>
    public async Task<string> NextDraftAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await FindRowAsync(key, cancellationToken) ?? throw new InvalidOperationException($"No policy version {key} is stored.");
        var node = JsonNode.Parse(row.Definition)!.AsObject();
        var next = await db.PolicyVersions.Where(p => p.Code == row.Code).MaxAsync(p => p.Version, cancellationToken) + 1;
        node["version"] = next;
        return node.ToJsonString(Pretty);
    }

    private async Task<List<PolicyHeader>> HeadersAsync(CancellationToken cancellationToken)
    {
        var rows = await db.PolicyVersions.AsNoTracking()
            .Select(p => new { p.Code, p.Version, p.Audience, p.EffectiveFrom, p.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PolicyHeader(r.Code, r.Version, AudienceOf(r.Audience), r.EffectiveFrom, r.CreatedAt)).ToList();
    }

    private static PolicyVersion Row(ProcedurePolicy policy, string definition, string origin, string by, string reason, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = policy.Code,
        Version = policy.Version,
        Key = policy.Key,
        Name = policy.Name,
        Audience = policy.Audience switch { Audience.Adult => "adult", Audience.Child => "child", _ => "any" },
        EffectiveFrom = policy.EffectiveFrom,
        Definition = definition,
        Origin = origin,
        CreatedAt = now,
        CreatedBy = by,
        Reason = reason,
    };

    private static Audience? AudienceOf(string text) => text switch
    {
        "adult" => Audience.Adult,
        "child" => Audience.Child,
        _ => null,
    };

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Parsed policy versions, kept for the life of the process: a stored version never changes.</summary>
public sealed class PolicyCache
{
    private readonly ConcurrentDictionary<string, ProcedurePolicy> policies = new(StringComparer.Ordinal);

    internal bool TryGet(string key, out ProcedurePolicy policy) => policies.TryGetValue(key, out policy!);

    internal ProcedurePolicy Add(string key, ProcedurePolicy policy) => policies.GetOrAdd(key, policy);
}
