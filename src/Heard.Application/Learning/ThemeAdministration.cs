using System.Text;
using System.Text.Json;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Application.Themes;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Learning;

/// <summary>A theme as the administration page lists it, with how often it is used.</summary>
public sealed record ThemeRow(string Code, string Name, string? Description, bool Active, int SortOrder, int Uses);

/// <summary>A change to the taxonomy as the page lists it.</summary>
public sealed record ThemeChangeRow(DateTime At, string ByName, string ThemeCode, string Kind, string Summary);

/// <summary>
/// The themes taxonomy, managed by administrators: add, rename or describe, retire (hidden from new choices but kept,
/// because issues, compliments, feedback and actions already carry it), reinstate, and reorder. Nothing is deleted.
/// Each change is saved with a row in <see cref="ThemeChange"/> (who, when, before and after).
/// </summary>
public sealed class ThemeAdministration(HeardDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ThemeRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new
            {
                t.Code,
                t.Name,
                t.Description,
                t.Active,
                t.SortOrder,
                Uses = db.ComplaintIssues.Count(i => i.ThemeCode == t.Code)
                    + db.ComplimentThemes.Count(c => c.ThemeCode == t.Code)
                    + db.FeedbackThemes.Count(f => f.ThemeCode == t.Code)
                    + db.LearningActions.Count(a => a.ThemeCode == t.Code),
            })
            .ToListAsync(cancellationToken);
        return [.. themes.Select(t => new ThemeRow(t.Code, t.Name, t.Description, t.Active, t.SortOrder, t.Uses))];
    }

    public async Task<IReadOnlyList<ThemeChangeRow>> ChangesAsync(int take = 50, CancellationToken cancellationToken = default) =>
        await db.ThemeChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(take)
            .Select(c => new ThemeChangeRow(c.At, c.ByName, c.ThemeCode, c.Kind, c.Summary)).ToListAsync(cancellationToken);

    /// <summary>Adds a theme at the end of the list; its code is made from its name. Returns the code.</summary>
    public async Task<string> AddAsync(string? name, string? description, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (cleanName, cleanDescription) = await ValidateAsync(name, description, null, cancellationToken);
        var code = CodeFor(cleanName);
        if (code.Length == 0)
        {
            throw new ValidationFailedException([new FieldError("Name", "Enter a name with letters or numbers")]);
        }

        var taken = await db.Themes.Where(t => t.Code.StartsWith(code)).Select(t => t.Code).ToListAsync(cancellationToken);
        var unique = code;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{code}-{n}";
        }

        var last = await db.Themes.MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0;
        var theme = new Theme { Code = unique, Name = cleanName, Description = cleanDescription, SortOrder = last + 10 };
        db.Themes.Add(theme);
        Record(theme.Code, "added", $"Added “{theme.Name}”", null, Snapshot(theme), who);
        await db.SaveChangesAsync(cancellationToken);
        return theme.Code;
    }

    /// <summary>Renames or re-describes a theme. Its code, and so everything tagged with it, stays.</summary>
    public async Task ChangeAsync(string code, string? name, string? description, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var theme = await FindAsync(code, cancellationToken);
        var (cleanName, cleanDescription) = await ValidateAsync(name, description, code, cancellationToken);
        if (cleanName == theme.Name && cleanDescription == theme.Description)
        {
            return;
        }

        var before = Snapshot(theme);
        var summary = cleanName == theme.Name ? $"Description of “{theme.Name}” changed" : $"Renamed “{theme.Name}” to “{cleanName}”";
        theme.Name = cleanName;
        theme.Description = cleanDescription;
        Record(code, "changed", summary, before, Snapshot(theme), who);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Retires a theme (no longer offered for new records) or reinstates it.</summary>
    public async Task SetActiveAsync(string code, bool active, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var theme = await FindAsync(code, cancellationToken);
        if (theme.Active == active)
        {
            return;
        }

        var before = Snapshot(theme);
        theme.Active = active;
        Record(code, active ? "reinstated" : "retired", active ? $"Reinstated “{theme.Name}”" : $"Retired “{theme.Name}”", before, Snapshot(theme), who);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a theme one place up (<paramref name="up"/>) or down the list, swapping with its neighbour.</summary>
    public async Task MoveAsync(string code, bool up, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var themes = await db.Themes.OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        var index = themes.FindIndex(t => t.Code == code);
        if (index < 0)
        {
            throw new TransitionRefusedException("There is no such theme.");
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= themes.Count)
        {
            return;
        }

        // Renumber in tens so that two themes with the same order still swap.
        for (var i = 0; i < themes.Count; i++)
        {
            themes[i].SortOrder = (i + 1) * 10;
        }

        (themes[index].SortOrder, themes[other].SortOrder) = (themes[other].SortOrder, themes[index].SortOrder);
        Record(code, "moved", $"Moved “{themes[index].Name}” {(up ? "up" : "down")}, {(up ? "above" : "below")} “{themes[other].Name}”",
            JsonSerializer.Serialize(new { position = index + 1 }, Json), JsonSerializer.Serialize(new { position = other + 1 }, Json), who);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The code a new theme gets: its name in lower case, words joined by hyphens.</summary>
    public static string CodeFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var code = new StringBuilder();
        foreach (var ch in name.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                code.Append(ch);
            }
            else if (code.Length > 0 && code[^1] != '-')
            {
                code.Append('-');
            }
        }

        var text = code.ToString().Trim('-');
        return text.Length > 32 ? text[..32].TrimEnd('-') : text;
    }

    private async Task<Theme> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.Themes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
        ?? throw new TransitionRefusedException("There is no such theme.");

    private async Task<(string Name, string? Description)> ValidateAsync(string? name, string? description, string? code, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var cleanName = name?.Trim() ?? "";
        var cleanDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (cleanName.Length == 0)
        {
            errors.Add(new FieldError("Name", "Enter the name of the theme"));
        }
        else if (cleanName.Length > 100)
        {
            errors.Add(new FieldError("Name", "The name must be 100 characters or fewer"));
        }
        else
        {
            var others = await db.Themes.Where(t => t.Code != code).Select(t => t.Name).ToListAsync(cancellationToken);
            if (others.Any(n => string.Equals(n, cleanName, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new FieldError("Name", $"There is already a theme called “{cleanName}”"));
            }
        }

        if (cleanDescription is { Length: > 500 })
        {
            errors.Add(new FieldError("Description", "The description must be 500 characters or fewer"));
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (cleanName, cleanDescription);
    }

    private static string Snapshot(Theme theme) =>
        JsonSerializer.Serialize(new { theme.Name, theme.Description, theme.Active, theme.SortOrder }, Json);

    private void Record(string code, string kind, string summary, string? before, string? after, StaffMember who) =>
        db.ThemeChanges.Add(new ThemeChange
        {
            ThemeCode = code,
            Kind = kind,
            Summary = summary,
            Before = before,
            After = after,
            ById = who.UserId,
            ByName = who.Name,
            At = clock.GetUtcNow().UtcDateTime,
        });
}
