using Heard.Domain.Calendar;
using Heard.Domain.Cases;

namespace Heard.Domain.Procedure;

/// <summary>What choosing a policy needs to know about each stored version.</summary>
public sealed record PolicyHeader(string Code, int Version, Audience? Audience, DateOnly EffectiveFrom, DateTime CreatedAt)
{
    public string Key => ProcedurePolicy.KeyOf(Code, Version);
}

/// <summary>
/// Which policy a complaint follows: of those for its audience (or for everyone), the one that took effect most
/// recently on or before the day it was received. Two versions taking effect on the same day: the one made later
/// wins, so an administrator's correction replaces the version it corrects for complaints not yet received.
/// </summary>
public static class PolicySelection
{
    public static PolicyHeader? For(IEnumerable<PolicyHeader> versions, Audience audience, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions
            .Where(v => (v.Audience is null || v.Audience == audience) && v.EffectiveFrom <= receivedOn)
            .OrderByDescending(v => v.EffectiveFrom)
            .ThenByDescending(v => v.Audience is not null)
            .ThenByDescending(v => v.CreatedAt)
            .ThenByDescending(v => v.Version)
            .FirstOrDefault();
    }

    /// <summary>Why no policy covers a day: the message for a complaint logged with a date before every policy.</summary>
    public static string NoneCovers(IEnumerable<PolicyHeader> versions, Audience audience, DateOnly receivedOn)
    {
        var earliest = versions.Where(v => v.Audience is null || v.Audience == audience).Select(v => (DateOnly?)v.EffectiveFrom).Min();
        return earliest is { } first
            ? $"No complaints procedure in Heard covers {CalendarText.FullDate(receivedOn)}: the earliest starts on {CalendarText.FullDate(first)}"
            : "No complaints procedure in Heard covers this complaint: an administrator must add one";
    }
}
