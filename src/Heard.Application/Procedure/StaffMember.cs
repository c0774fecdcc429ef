using Heard.Application.Cases;

namespace Heard.Application.Procedure;

/// <summary>
/// A signed-in member of staff with all their roles. A step is taken in one of them (the one the policy allows),
/// and that role is what the history records (<see cref="As"/>).
/// </summary>
public sealed record StaffMember(Guid UserId, string Name, IReadOnlyList<string> Roles)
{
    public Actor As(string role) => new(UserId, Name, role);

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>A step the policy or the person's role does not allow, or that the case is not ready for: nothing was changed.</summary>
public sealed class TransitionRefusedException(string reason) : Exception(reason);

/// <summary>The case changed since the form was shown: nothing was saved.</summary>
public sealed class StaleCaseException(string message) : Exception(message)
{
    public const string DefaultMessage =
        "Someone else changed this case while you were working on it, so your change was not saved. The case below is as it is now: check it, then make your change again.";

    public StaleCaseException()
        : this(DefaultMessage)
    {
    }
}
