using Heard.Domain.Calendar;

namespace Heard.Application.Calendar;

/// <summary>A stored administrator's change to the working calendar. The calendar in force is the built-in one with every row applied in order.</summary>
public class CalendarChangeRow
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarAdjustmentKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }

    public CalendarChange ToDomain() => new(Date, Kind, Name, Reason, ChangedBy, ChangedAt);

    public static CalendarChangeRow From(CalendarChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new CalendarChangeRow
        {
            Date = change.Date,
            Kind = change.Kind,
            Name = change.Name,
            Reason = change.Reason,
            ChangedBy = change.ChangedBy,
            ChangedAt = change.ChangedAt,
        };
    }
}
