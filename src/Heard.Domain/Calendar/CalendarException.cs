namespace Heard.Domain.Calendar;

/// <summary>
/// Input the calendar or the deadline engine refuses: a date outside the supported years, a negative count,
/// a pause that ends before it starts, an adjustment that makes no sense. The message says what is wrong in
/// words an administrator or caseworker can act on, so callers can show it as it is.
/// </summary>
public sealed class CalendarException : Exception
{
    public CalendarException()
    {
    }

    public CalendarException(string message)
        : base(message)
    {
    }

    public CalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
