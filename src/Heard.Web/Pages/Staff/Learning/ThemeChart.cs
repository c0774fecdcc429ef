using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Heard.Application.Learning;
using Microsoft.AspNetCore.Html;

namespace Heard.Web.Pages.Staff.Learning;

/// <summary>
/// A stacked bar chart of counts by theme for each quarter, drawn as SVG on the server (no script; colours are SVG
/// presentation attributes, not style attributes, so the content security policy allows them). The chart has a
/// title and a description for assistive technology; the table beside it carries the same figures.
/// </summary>
public static class ThemeChart
{
    /// <summary>GOV.UK palette colours, distinct enough side by side.</summary>
    private static readonly string[] Colours = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#28a197", "#6f72af", "#505a5f"];

    /// <summary>The largest number of themes drawn separately; the rest are drawn together as "Other themes".</summary>
    public const int MaxSeries = 7;

    public static IHtmlContent Render(ThemesOverTime data, string title, string id)
    {
        ArgumentNullException.ThrowIfNull(data);
        var html = HtmlEncoder.Default;
        var series = data.Themes.OrderByDescending(t => t.Total).ToList();
        var shown = series.Take(MaxSeries).Select(t => (t.Name, Counts: (IReadOnlyList<int>)t.Counts)).ToList();
        if (series.Count > MaxSeries)
        {
            var rest = series.Skip(MaxSeries).ToList();
            shown.Add(("Other themes", [.. data.Quarters.Select((_, i) => rest.Sum(r => r.Counts[i]))]));
        }

        const int left = 40, top = 10, plotHeight = 200, barWidth = 36, gap = 24;
        var totals = data.Totals;
        var max = Math.Max(1, totals.Count == 0 ? 1 : totals.Max());
        var width = left + data.Quarters.Count * (barWidth + gap) + 10;
        var legendTop = top + plotHeight + 40;
        var height = legendTop + shown.Count * 20 + 10;
        var description = $"Stacked bars, one per quarter; the largest quarter has {max.ToString(CultureInfo.InvariantCulture)}. The table that follows gives every figure.";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"heard-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{html.Encode(title)}</title><desc id=\"{id}-desc\">{html.Encode(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - 5}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{max}</text><text x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">0</text>");
        for (var q = 0; q < data.Quarters.Count; q++)
        {
            var x = left + gap / 2 + q * (barWidth + gap);
            var y = (double)(top + plotHeight);
            for (var s = 0; s < shown.Count; s++)
            {
                var count = shown[s].Counts[q];
                if (count == 0)
                {
                    continue;
                }

                var h = (double)plotHeight * count / max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y:0.##}\" width=\"{barWidth}\" height=\"{h:0.##}\" fill=\"{Colours[s % Colours.Length]}\"><title>{html.Encode($"{data.Quarters[q]}, {shown[s].Name}: {count}")}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">{html.Encode(data.Quarters[q].Split(' ')[0])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + plotHeight + 30}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">{html.Encode(data.Quarters[q].Split(' ')[^1])}</text>");
        }

        for (var s = 0; s < shown.Count; s++)
        {
            var y = legendTop + s * 20;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{Colours[s % Colours.Length]}\"/><text x=\"{left + 20}\" y=\"{y + 12}\" font-size=\"13\" fill=\"#0b0c0c\">{html.Encode(shown[s].Name)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
