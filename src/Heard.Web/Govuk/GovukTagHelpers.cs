using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Heard.Web.Govuk;

/// <summary>
/// GOV.UK Design System form components as tag helpers, so every form in Heard gets the same markup: label, hint,
/// error message, the value the person typed (kept when validation fails) and the ARIA wiring between them.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Makes the label (or legend) the page's heading, for question pages with one question.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string FullName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(FullName, "_");

    protected string? ErrorMessage
    {
        get
        {
            var entry = ViewContext.ViewData.ModelState[FullName];
            return entry is { Errors.Count: > 0 } ? entry.Errors[0].ErrorMessage : null;
        }
    }

    /// <summary>What the person typed if the form came back with errors, else the model's value.</summary>
    protected string? CurrentValue
    {
        get
        {
            var entry = ViewContext.ViewData.ModelState[FullName];
            if (entry?.AttemptedValue is { } attempted)
            {
                return attempted;
            }

            return For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }
    }

    protected static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    protected string HintHtml() => Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() => ErrorMessage is { } message
        ? $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(message)}</p>"
        : "";

    protected string DescribedBy(params string[] more)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add($"{Id}-hint");
        }

        ids.AddRange(more);
        if (ErrorMessage is not null)
        {
            ids.Add($"{Id}-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string LabelHtml()
    {
        var css = LabelClass ?? (IsPageHeading ? "govuk-label--l" : "govuk-label--s");
        var label = $"<label class=\"govuk-label {css}\" for=\"{Id}\">{Encode(Label ?? For.Name)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string LegendHtml()
    {
        var css = LabelClass ?? (IsPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s");
        var text = Encode(Label ?? For.Name);
        return IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend {css}\"><h1 class=\"govuk-fieldset__heading\">{text}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend {css}\">{text}</legend>";
    }

    protected void Render(TagHelperOutput output, string inner)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", ErrorMessage is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix: 2, 3, 4, 5, 10, 20, 30 or a fraction such as "one-half".</summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = "govuk-input";
        if (Width is { } w)
        {
            css += char.IsDigit(w[0]) ? $" govuk-input--width-{w}" : $" govuk-!-width-{w}";
        }

        if (ErrorMessage is not null)
        {
            css += " govuk-input--error";
        }

        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"")
            + (InputMode is null ? "" : $" inputmode=\"{InputMode}\"")
            + (Spellcheck is null ? "" : $" spellcheck=\"{(Spellcheck.Value ? "true" : "false")}\"");
        var input = $"<input class=\"{css}\" id=\"{Id}\" name=\"{FullName}\" type=\"{Type}\" value=\"{Encode(CurrentValue ?? "")}\"{extra}{DescribedBy()}>";
        Render(output, LabelHtml() + HintHtml() + ErrorHtml() + input);
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    /// <summary>When set, GOV.UK's character count tells the person how much room is left (the server enforces it too).</summary>
    [HtmlAttributeName("max-length")]
    public int? MaxLength { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = ErrorMessage is null ? "govuk-textarea" : "govuk-textarea govuk-textarea--error";
        var value = Encode(CurrentValue ?? "");
        if (MaxLength is not { } max)
        {
            Render(output, LabelHtml() + HintHtml() + ErrorHtml()
                + $"<textarea class=\"{css}\" id=\"{Id}\" name=\"{FullName}\" rows=\"{Rows}\"{DescribedBy()}>{value}</textarea>");
            return;
        }

        // The character count needs its own wrapper and an info element; it must not set maxlength on the textarea,
        // so that someone who pastes too much sees the message rather than silently losing text.
        css += " govuk-js-character-count";
        var info = $"<div id=\"{Id}-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to {max:N0} characters</div>";
        var inner = LabelHtml() + HintHtml() + ErrorHtml()
            + $"<textarea class=\"{css}\" id=\"{Id}\" name=\"{FullName}\" rows=\"{Rows}\"{DescribedBy($"{Id}-info")}>{value}</textarea>" + info;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-form-group govuk-character-count" + (ErrorMessage is null ? "" : " govuk-form-group--error"));
        output.Attributes.SetAttribute("data-module", "govuk-character-count");
        output.Attributes.SetAttribute("data-maxlength", max.ToString(CultureInfo.InvariantCulture));
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>One choice in a set of radios, checkboxes or a select.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<Choice> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = CurrentValue;
        var radios = new System.Text.StringBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            // The first radio carries the field's own id, so the error summary's link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            var hintId = $"{id}-item-hint";
            var describedBy = item.Hint is null ? "" : $" aria-describedby=\"{hintId}\"";
            radios.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{FullName}\" type=\"radio\" value=\"{Encode(item.Value)}\"{isChecked}{describedBy}>")
                .Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                radios.Append(CultureInfo.InvariantCulture, $"<div id=\"{hintId}\" class=\"govuk-hint govuk-radios__hint\">{Encode(item.Hint)}</div>");
            }

            radios.Append("</div>");
        }

        var css = "govuk-radios" + (Inline ? " govuk-radios--inline" : "") + (Small ? " govuk-radios--small" : "");
        Render(output, $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}>{LegendHtml()}{HintHtml()}{ErrorHtml()}<div class=\"{css}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<Choice> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = CurrentValue;
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{Encode(i.Value)}\"{(string.Equals(i.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var css = ErrorMessage is null ? "govuk-select" : "govuk-select govuk-select--error";
        Render(output, LabelHtml() + HintHtml() + ErrorHtml() + $"<select class=\"{css}\" id=\"{Id}\" name=\"{FullName}\"{DescribedBy()}>{options}</select>");
    }
}

/// <summary>A single checkbox for a yes/no statement (a bool property), such as confirming consent.</summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isChecked = string.Equals(CurrentValue, "true", StringComparison.OrdinalIgnoreCase) ? " checked" : "";
        var legend = Legend is null ? "" : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend)}</legend>";
        // The hidden "false" makes an unticked box post a value, as ASP.NET's own checkbox helper does.
        var box = $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">"
            + $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{FullName}\" type=\"checkbox\" value=\"true\"{isChecked}{DescribedBy()}>"
            + $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{Encode(Label ?? For.Name)}</label></div></div>"
            + $"<input type=\"hidden\" name=\"{FullName}\" value=\"false\">";
        Render(output, $"<fieldset class=\"govuk-fieldset\">{legend}{HintHtml()}{ErrorHtml()}{box}</fieldset>");
    }
}

/// <summary>
/// GOV.UK's date input: three boxes bound to a <see cref="DateParts"/> property. The day box carries the field's
/// id so that the error summary links to it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        string Part(string name, string text, string? value, int width, bool first)
        {
            var partName = $"{FullName}.{name}";
            var attempted = ViewContext.ViewData.ModelState[partName]?.AttemptedValue ?? value ?? "";
            var id = first ? Id : $"{Id}_{name}";
            var css = "govuk-input govuk-date-input__input govuk-input--width-" + width + (ErrorMessage is null ? "" : " govuk-input--error");
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{text}</label>"
                + $"<input class=\"{css}\" id=\"{id}\" name=\"{partName}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(attempted)}\"></div></div>";
        }

        var boxes = Part("Day", "Day", parts.Day, 2, true) + Part("Month", "Month", parts.Month, 2, false) + Part("Year", "Year", parts.Year, 4, false);
        Render(output, $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}>{LegendHtml()}{HintHtml()}{ErrorHtml()}<div class=\"govuk-date-input\">{boxes}</div></fieldset>");
    }
}

/// <summary>The error summary at the top of a page: every problem, each linked to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        if (state.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = new List<string>();
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var message = HtmlEncoder.Default.Encode(error.ErrorMessage);
                items.Add(string.IsNullOrEmpty(key)
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{message}</a></li>");
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(new HtmlString(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
            + $"<ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items)}</ul></div></div>"));
    }
}
