using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Heard.Domain.Cases;

namespace Heard.Application.Letters;

/// <summary>One letter template: for a template code, an audience, and optionally one procedure.</summary>
public sealed record LetterTemplate(string Code, Audience Audience, string? PolicyCode, string Name, string Subject, string Body);

/// <summary>A template filled in: the text, and the merge fields that had no value (left marked in the text).</summary>
public sealed record MergedLetter(string Subject, string Body, IReadOnlyList<string> Missing);

/// <summary>
/// The letter templates Heard ships with (<c>Letters/Templates/*.txt</c>; see the README there). They are data:
/// adding a letter is adding a file. Loaded once; they cannot change while Heard runs.
/// </summary>
public sealed partial class LetterTemplates
{
    private static readonly Lazy<LetterTemplates> Shipped = new(() => new LetterTemplates(Load(typeof(LetterTemplates).Assembly)));

    private readonly IReadOnlyList<LetterTemplate> templates;

    public LetterTemplates(IReadOnlyList<LetterTemplate> templates) => this.templates = templates;

    public static LetterTemplates BuiltIn => Shipped.Value;

    public IReadOnlyList<LetterTemplate> All => templates;

    [GeneratedRegex(@"\{\{([A-Za-z]+)\}\}")]
    private static partial Regex Field();

    [GeneratedRegex(@"\[\[[^\]]*\]\]")]
    private static partial Regex Marker();

    /// <summary>The most specific template: the procedure's own version, else the audience's.</summary>
    public LetterTemplate? Find(string code, Audience audience, string? policyCode = null) =>
        templates.FirstOrDefault(t => t.Code == code && t.Audience == audience && policyCode is not null && t.PolicyCode == policyCode)
        ?? templates.FirstOrDefault(t => t.Code == code && t.Audience == audience && t.PolicyCode is null);

    /// <summary>Whether there is a template for <paramref name="audience"/>, or for both audiences when it is null.</summary>
    public bool Exists(string code, Audience? audience) => audience is { } a
        ? Find(code, a) is not null
        : Find(code, Audience.Adult) is not null && Find(code, Audience.Child) is not null;

    /// <summary>The template's name for people: "Acknowledgement", or the code if there is none.</summary>
    public string NameOf(string code) =>
        templates.FirstOrDefault(t => t.Code == code && t.Audience == Audience.Adult)?.Name
        ?? templates.FirstOrDefault(t => t.Code == code)?.Name
        ?? code;

    /// <summary>Fills <c>{{Field}}</c> from <paramref name="fields"/>; a field with no value becomes a <c>[[Field: not known]]</c> marker.</summary>
    public static MergedLetter Merge(LetterTemplate template, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fields);
        var missing = new List<string>();
        string Fill(string text) => Field().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (fields.TryGetValue(name, out var value) && value is not null)
            {
                return value;
            }

            if (!missing.Contains(name))
            {
                missing.Add(name);
            }

            return $"[[{name}: not known]]";
        });
        return new MergedLetter(Fill(template.Subject), Fill(template.Body), missing);
    }

    /// <summary>The parts of a text still marked as not filled in (<c>[[…]]</c>).</summary>
    public static IReadOnlyList<string> Unfilled(string text) =>
        Marker().Matches(text ?? "").Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The merge fields a template uses.</summary>
    public static IReadOnlyList<string> FieldsOf(LetterTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Field().Matches(template.Subject + "\n" + template.Body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads every <c>letters/*.txt</c> resource of <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<LetterTemplate> Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var result = new List<LetterTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("letters/", StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            result.Add(Parse(resource["letters/".Length..], reader.ReadToEnd()));
        }

        return result;
    }

    /// <summary>Reads one template file: <c>{code}[.{policy}].{adult|child}.txt</c> with Name and Subject header lines.</summary>
    public static LetterTemplate Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var parts = fileName.Split('.');
        if (parts.Length is < 3 or > 4 || parts[^1] != "txt")
        {
            throw new InvalidOperationException($"The letter template {fileName} must be named template.audience.txt or template.policy.audience.txt.");
        }

        var audience = parts[^2] switch
        {
            "adult" => Audience.Adult,
            "child" => Audience.Child,
            _ => throw new InvalidOperationException($"The letter template {fileName} must be for an adult or a child, not '{parts[^2]}'."),
        };
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string Header(int index, string name) =>
            lines.Length > index && lines[index].StartsWith(name + ":", StringComparison.Ordinal)
                ? lines[index][(name.Length + 1)..].Trim()
                : throw new InvalidOperationException($"Line {index + 1} of the letter template {fileName} must be '{name}: …'.");
        var title = Header(0, "Name");
        var subject = Header(1, "Subject");
        if (lines.Length < 4 || lines[2].Length != 0)
        {
            throw new InvalidOperationException($"The letter template {fileName} needs a blank line after its Subject, then the letter.");
        }

        var body = string.Join('\n', lines.Skip(3)).TrimEnd() + "\n";
        return new LetterTemplate(parts[0], audience, parts.Length == 4 ? parts[1] : null, title, subject, body);
    }
}
