using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Heard.Testing;

/// <summary>
/// Runs axe-core on a page against WCAG 2.2 level AA (the level UK public-sector sites must meet) and fails
/// with a list a person can act on: rule, impact, the elements, and where to read about the rule.
/// </summary>
public static class AccessibilityScan
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Throws <see cref="AccessibilityViolationsException"/> if axe finds any violation on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });

        if (result.Violations.Length > 0)
        {
            throw new AccessibilityViolationsException(Describe(page.Url, result.Violations));
        }
    }

    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        var list = violations.ToList();
        text.Append(CultureInfo.InvariantCulture, $"axe found {list.Count} accessibility violation(s) on {url}:");
        foreach (var violation in list)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine();
                text.Append(CultureInfo.InvariantCulture, $"    at {node.Target}");
            }

            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"    {violation.HelpUrl}");
        }

        return text.ToString();
    }
}

public sealed class AccessibilityViolationsException : Exception
{
    public AccessibilityViolationsException()
    {
    }

    public AccessibilityViolationsException(string message)
        : base(message)
    {
    }

    public AccessibilityViolationsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
