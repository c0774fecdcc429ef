using System.Security.Claims;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Heard.Web.Pages.Staff.Records;

/// <summary>The signed-in member of staff as the <see cref="Actor"/> of what they do, and the way service errors reach a form.</summary>
public static class StaffActor
{
    public static async Task<Actor> OfAsync(ClaimsPrincipal user, UserManager<HeardUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var person = await users.GetUserAsync(user);
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "staff";
        return new Actor(person?.Id, person?.DisplayName ?? "Member of staff", role);
    }

    /// <summary>Copies a service's field errors into model state under <paramref name="prefix"/> (with a dot), or as they are.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string? prefix = null, IReadOnlyDictionary<string, string>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var field = rename is not null && rename.TryGetValue(error.Field, out var renamed) ? renamed : error.Field;
            modelState.AddModelError(prefix is null ? field : $"{prefix}.{field}", error.Message);
        }
    }

    /// <summary>Reads a GOV.UK date input, adding GOV.UK's message to model state when it is not a real date.</summary>
    public static DateOnly? ReadDate(this ModelStateDictionary modelState, Govuk.DateParts parts, string field, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(parts);
        var (date, error) = parts.Read(what);
        if (error is not null)
        {
            modelState.AddModelError(field, error);
        }

        return date;
    }
}
