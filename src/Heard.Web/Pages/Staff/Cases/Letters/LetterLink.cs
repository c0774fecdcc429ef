using System.Text.Json;
using Heard.Application.Cases;

namespace Heard.Web.Pages.Staff.Cases.Letters;

/// <summary>The letter a "letter sent" event is about, so the history can link to the letter exactly as sent.</summary>
public static class LetterLink
{
    public static Guid? From(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is null)
        {
            return null;
        }

        using var data = JsonDocument.Parse(e.Data);
        return data.RootElement.TryGetProperty("letterId", out var id) && id.TryGetGuid(out var letterId) ? letterId : null;
    }
}
