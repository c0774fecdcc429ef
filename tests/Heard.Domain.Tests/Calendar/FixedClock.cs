namespace Heard.Domain.Tests.Calendar;

/// <summary>A clock that always says the same time, so stamped changes can be asserted exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
