using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Heard.Domain.Calendar;

/// <summary>What a deadline rule counts.</summary>
public enum DeadlineRuleKind
{
    /// <summary>Working days after the day of receipt (the day of receipt is day 0).</summary>
    WorkingDays,

    /// <summary>Calendar days after the day of receipt, moved to the next working day if the last falls on a non-working day.</summary>
    CalendarDays,

    /// <summary>The ICO's calendar month: the same date in a later month (or that month's last day), moved to the next working day.</summary>
    CalendarMonths,
}

/// <summary>
/// A time limit as data, so that policies stored in the database can name it: <c>working-days:15</c>
/// (complaint response since 2013), <c>calendar-months:1</c> (subject access under UK GDPR),
/// <c>calendar-days:40</c> (subject access under the Data Protection Act 1998, before 25 May 2018).
/// <see cref="ToString"/> writes the same form <see cref="Parse(string)"/> reads.
/// </summary>
public sealed record DeadlineRule : IParsable<DeadlineRule>
{
    /// <summary>The largest amount a rule may count; far beyond any real time limit, it keeps arithmetic from overflowing.</summary>
    public const int MaximumAmount = 10_000;

    private const string Expected = "expected a kind and a number such as working-days:15, calendar-days:40 or calendar-months:1";

    public DeadlineRule(DeadlineRuleKind kind, int amount)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new CalendarException($"'{kind}' is not a kind of deadline rule; {Expected}.");
        }

        if (amount < 0)
        {
            throw new CalendarException($"A deadline cannot count a negative number of {Unit(kind, 2)} ({amount}).");
        }

        if (amount > MaximumAmount)
        {
            throw new CalendarException($"{amount} {Unit(kind, amount)} is more than the {MaximumAmount} a deadline rule may count.");
        }

        Kind = kind;
        Amount = amount;
    }

    public DeadlineRuleKind Kind { get; }

    public int Amount { get; }

    /// <summary>How people say it: "15 working days", "40 calendar days", "1 calendar month".</summary>
    public string DisplayName => $"{Amount.ToString(CultureInfo.InvariantCulture)} {Unit(Kind, Amount)}";

    public static DeadlineRule WorkingDays(int amount) => new(DeadlineRuleKind.WorkingDays, amount);

    public static DeadlineRule CalendarDays(int amount) => new(DeadlineRuleKind.CalendarDays, amount);

    public static DeadlineRule CalendarMonths(int amount) => new(DeadlineRuleKind.CalendarMonths, amount);

    /// <summary>Reads <c>kind:number</c>; throws <see cref="CalendarException"/> saying what is wrong.</summary>
    public static DeadlineRule Parse(string s) =>
        TryRead(s, out var rule, out var problem) ? rule : throw new CalendarException(problem);

    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out DeadlineRule result) =>
        TryRead(s, out result, out _);

    // The stored form is culture-free, so the IParsable overloads that take a format provider ignore it; they
    // are explicit so that callers use the plain ones above.
    static DeadlineRule IParsable<DeadlineRule>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<DeadlineRule>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out DeadlineRule result) =>
        TryRead(s, out result, out _);

    public override string ToString() => $"{Token(Kind)}:{Amount.ToString(CultureInfo.InvariantCulture)}";

    internal static string Unit(DeadlineRuleKind kind, int amount) => (kind, amount == 1) switch
    {
        (DeadlineRuleKind.WorkingDays, true) => "working day",
        (DeadlineRuleKind.WorkingDays, false) => "working days",
        (DeadlineRuleKind.CalendarDays, true) => "calendar day",
        (DeadlineRuleKind.CalendarDays, false) => "calendar days",
        (DeadlineRuleKind.CalendarMonths, true) => "calendar month",
        _ => "calendar months",
    };

    private static string Token(DeadlineRuleKind kind) => kind switch
    {
        DeadlineRuleKind.WorkingDays => "working-days",
        DeadlineRuleKind.CalendarDays => "calendar-days",
        _ => "calendar-months",
    };

    private static bool TryRead(
        string? text,
        [MaybeNullWhen(false)] out DeadlineRule rule,
        [MaybeNullWhen(true)] out string problem)
    {
        rule = null;
        var parts = (text ?? string.Empty).Trim().Split(':');
        if (parts.Length != 2)
        {
            problem = $"'{text}' is not a deadline rule: {Expected}.";
            return false;
        }

        DeadlineRuleKind? kind = parts[0].Trim().ToLowerInvariant() switch
        {
            "working-days" => DeadlineRuleKind.WorkingDays,
            "calendar-days" => DeadlineRuleKind.CalendarDays,
            "calendar-months" => DeadlineRuleKind.CalendarMonths,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"'{parts[0]}' is not a kind of deadline rule: {Expected}.";
            return false;
        }

        if (!int.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int amount))
        {
            problem = $"'{parts[1]}' in '{text}' is not a whole number: {Expected}.";
            return false;
        }

        try
        {
            rule = new DeadlineRule(kind.Value, amount);
            problem = null;
            return true;
        }
        catch (CalendarException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
