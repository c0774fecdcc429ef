namespace Heard.Domain.Calendar;

/// <summary>
/// An agreed extension of a time limit: by a number of working days for a working-day rule, by calendar days for
/// a calendar-day rule, or by months for a calendar-month rule (the ICO allows a subject access request to be
/// extended by up to two further months when it is complex). An extension adds to the rule's own amount, so a
/// one-month limit extended by two months is three months from the original start, as the ICO says to count it,
/// not two months from the first due date.
/// </summary>
/// <param name="By">How much longer, in the same kind as the rule being extended, e.g. <c>calendar-months:2</c>.</param>
/// <param name="Reason">Why, as told to the person.</param>
/// <param name="AgreedBy">Who agreed it.</param>
/// <param name="AgreedOn">When it was agreed.</param>
public sealed record DeadlineExtension(DeadlineRule By, string Reason, string AgreedBy, DateOnly AgreedOn);
