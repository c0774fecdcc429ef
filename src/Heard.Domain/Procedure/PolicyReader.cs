using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;

namespace Heard.Domain.Procedure;

/// <summary>A problem with a policy definition, at a JSON path such as <c>transitions[3].roles[0]</c>.</summary>
public sealed record PolicyProblem(string Path, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}

/// <summary>The policy read, or every problem that stopped it being read (never both).</summary>
public sealed record PolicyReadResult(ProcedurePolicy? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    public bool Succeeded => Policy is not null;
}

/// <summary>What a policy may name that is defined outside it: the roles and the letter templates.</summary>
public sealed record PolicyVocabulary(IReadOnlyCollection<string> Roles, Func<string, Audience?, bool> LetterExists);

/// <summary>
/// Reads a policy definition (JSON) and checks it whole: every state, step, role, rule, requirement, guard,
/// deadline and letter it names must exist, and every state must be reachable from <c>received</c> and lead
/// somewhere unless it is an end. A definition with any problem is refused with all of them, each at its path,
/// so that an administrator can correct it in one go.
/// </summary>
public static partial class PolicyReader
{
    public const string ResponsibleManager = "responsible-manager";
    public const string LocalServiceManager = "local-service-manager";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key ("requries") must be an error, not a silently ignored rule.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static PolicyReadResult Read(string json, PolicyVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        PolicyJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<PolicyJson>(json ?? "", Options);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
            return new PolicyReadResult(null, [new PolicyProblem(path, $"This is not a valid policy definition: {FirstSentence(e.Message)}")]);
        }

        if (raw is null)
        {
            return new PolicyReadResult(null, [new PolicyProblem("", "The definition is empty.")]);
        }

        var problems = new List<PolicyProblem>();
        var policy = new Checker(raw, vocabulary, problems).Build();
        return problems.Count > 0 ? new PolicyReadResult(null, problems) : new PolicyReadResult(policy, []);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + "." : message;
    }

    private sealed class Checker(PolicyJson raw, PolicyVocabulary vocabulary, List<PolicyProblem> problems)
    {
        private void Problem(string path, string message) => problems.Add(new PolicyProblem(path, message));

        private string RolesKnown => string.Join(", ", vocabulary.Roles);

        public ProcedurePolicy? Build()
        {
            var code = Required(raw.Code, "code");
            if (code is not null && (!Slug().IsMatch(code) || code.Length > 30))
            {
                Problem("code", "The code must be lower-case letters, digits and hyphens, 30 characters or fewer, like adult-2023.");
            }

            if (raw.Version is not { } version || version < 1)
            {
                Problem("version", "The version must be a whole number from 1.");
                version = 0;
            }

            var name = Required(raw.Name, "name");
            var summary = Required(raw.Summary, "summary");
            Audience? audience = raw.Audience switch
            {
                "adult" => Cases.Audience.Adult,
                "child" => Cases.Audience.Child,
                "any" => null,
                _ => Fail<Audience?>("audience", "The audience must be \"adult\", \"child\" or \"any\"."),
            };

            var effectiveFrom = Date(raw.EffectiveFrom, "effectiveFrom");
            var states = States();
            var stateCodes = states.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
            var deadlines = Deadlines();
            // Kinds named at all, so that one bad rule is reported once rather than again at every step naming its kind.
            var deadlineKinds = (raw.Deadlines ?? []).Select(d => d?.Kind?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var timeLimit = TimeLimitOf();
            var remedies = Remedies();
            var routes = Choices(raw.Routes, "routes", "route");
            var letters = Letters(audience);
            var transitions = Transitions(stateCodes, deadlineKinds, letters, timeLimit, routes);
            var permissions = Permissions(stateCodes);
            foreach (var deadline in deadlines.Where(d => !d.StartsAtReceipt))
            {
                if (!transitions.Any(t => t.Starts.Contains(deadline.Kind)))
                {
                    Problem("deadlines", $"The deadline “{deadline.Kind}” runs from a step, but no step starts it.");
                }
            }

            if (problems.Count == 0)
            {
                Reachability(states, transitions);
            }

            if (problems.Count > 0)
            {
                return null;
            }

            return new ProcedurePolicy(code!, version, name!, audience, effectiveFrom!.Value, summary!, Tidy(raw.Basis),
                deadlines, timeLimit, remedies!, states, transitions, permissions, routes, letters);
        }

        private T? Fail<T>(string path, string message)
        {
            Problem(path, message);
            return default;
        }

        private string? Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(path, "This is required.");
                return null;
            }

            return value.Trim();
        }

        private DateOnly? Date(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(path, "A date is required, written as YYYY-MM-DD.");
                return null;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(path, $"“{value}” is not a date written as YYYY-MM-DD.");
                return null;
            }

            if (!WorkingCalendar.Supports(date))
            {
                Problem(path, $"The date must be within the calendar Heard supports ({CalendarText.SupportedRange}).");
                return null;
            }

            return date;
        }

        private DeadlineRule? Rule(string? value, string path)
        {
            if (!DeadlineRule.TryParse(value, out var rule))
            {
                Problem(path, $"“{value}” is not a deadline rule: write it like working-days:15, calendar-days:40 or calendar-months:6.");
                return null;
            }

            return rule;
        }

        private List<PolicyState> States()
        {
            var result = new List<PolicyState>();
            var list = raw.States ?? [];
            if (list.Count == 0)
            {
                Problem("states", "A policy needs its states.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                var path = $"states[{i}]";
                var state = list[i];
                var code = Required(state?.Code, path + ".code");
                var name = Required(state?.Name, path + ".name");
                if (code is null || name is null)
                {
                    continue;
                }

                if (!ComplaintStates.All.Contains(code))
                {
                    Problem(path + ".code", $"“{code}” is not a state Heard knows ({string.Join(", ", ComplaintStates.All)}).");
                }
                else if (result.Any(s => s.Code == code))
                {
                    Problem(path + ".code", $"The state “{code}” is listed twice.");
                }
                else
                {
                    result.Add(new PolicyState(code, name, Tidy(state!.Description)));
                }
            }

            if (list.Count > 0 && result.All(s => s.Code != ComplaintStates.Received))
            {
                Problem("states", $"Every complaint starts as “{ComplaintStates.Received}”: the policy must have that state.");
            }

            return result;
        }

        private List<PolicyDeadline> Deadlines()
        {
            var result = new List<PolicyDeadline>();
            var list = raw.Deadlines ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"deadlines[{i}]";
                var item = list[i];
                var kind = Required(item?.Kind, path + ".kind");
                var rule = Rule(item?.Rule, path + ".rule");
                var from = item?.From ?? PolicyDeadline.FromReceipt;
                if (from is not (PolicyDeadline.FromReceipt or PolicyDeadline.FromStep))
                {
                    Problem(path + ".from", $"A deadline runs from “{PolicyDeadline.FromReceipt}” or from the day of a “{PolicyDeadline.FromStep}” that starts it, not from “{from}”.");
                }

                if (kind is not null && kind.Length > 40)
                {
                    Problem(path + ".kind", "The kind must be 40 characters or fewer.");
                }
                else if (kind is not null && result.Any(d => d.Kind == kind))
                {
                    Problem(path + ".kind", $"The deadline “{kind}” is listed twice.");
                }
                else if (kind is not null && rule is not null)
                {
                    result.Add(new PolicyDeadline(kind, rule, from, Tidy(item!.Why)));
                }
            }

            foreach (var needed in new[] { "acknowledgement", "response" })
            {
                var found = result.FirstOrDefault(d => d.Kind == needed);
                if (found is null && list.All(d => d?.Kind?.Trim() != needed))
                {
                    Problem("deadlines", $"Every policy promises {(needed == "acknowledgement" ? "an" : "a")} {needed} date: add a deadline of kind “{needed}”.");
                }
                else if (found is not null && !found.StartsAtReceipt)
                {
                    Problem("deadlines", $"The {needed} date runs from receipt (from: \"{PolicyDeadline.FromReceipt}\").");
                }
            }

            return result;
        }

        private TimeLimit? TimeLimitOf()
        {
            if (raw.TimeLimit is not { } limit)
            {
                return null;
            }

            var rule = Rule(limit.Rule, "timeLimit.rule");
            if ((limit.From ?? TimeLimit.FromInvolvementEnded) != TimeLimit.FromInvolvementEnded)
            {
                Problem("timeLimit.from", $"The time limit runs from “{TimeLimit.FromInvolvementEnded}”, the end of the service's involvement.");
            }

            var criteria = Choices(limit.DiscretionCriteria, "timeLimit.discretionCriteria", "criterion");
            if (criteria.Count == 0)
            {
                Problem("timeLimit.discretionCriteria", "A time limit needs the criteria against which a complaint out of time may still be accepted.");
            }

            return rule is null ? null : new TimeLimit(rule, TimeLimit.FromInvolvementEnded, criteria);
        }

        private RemedyRules? Remedies()
        {
            if (raw.Remedies is not { } remedies)
            {
                Problem("remedies", "Say above what amount a financial remedy needs approval, and by whom.");
                return null;
            }

            if (remedies.ApprovalAbove is not { } above || above < 0)
            {
                Problem("remedies.approvalAbove", "The approval threshold must be an amount in pounds, 0 or more.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(remedies.ApproverRole) || !vocabulary.Roles.Contains(remedies.ApproverRole))
            {
                Problem("remedies.approverRole", $"“{remedies.ApproverRole}” is not a role Heard knows ({RolesKnown}).");
                return null;
            }

            return new RemedyRules(above, remedies.ApproverRole, Tidy(remedies.Why));
        }

        private List<PolicyChoice> Choices(List<ChoiceJson?>? list, string path, string what)
        {
            var result = new List<PolicyChoice>();
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                var item = list![i];
                var code = Required(item?.Code, $"{path}[{i}].code");
                var text = Required(item?.Text, $"{path}[{i}].text");
                if (code is null || text is null)
                {
                    continue;
                }

                if (!Slug().IsMatch(code))
                {
                    Problem($"{path}[{i}].code", $"A {what} code is lower-case letters, digits and hyphens.");
                }
                else if (result.Any(c => c.Code == code))
                {
                    Problem($"{path}[{i}].code", $"The {what} “{code}” is listed twice.");
                }
                else
                {
                    result.Add(new PolicyChoice(code, text));
                }
            }

            return result;
        }

        private List<string> Letters(Audience? audience)
        {
            var result = new List<string>();
            var list = raw.Letters ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var letter = list[i];
                if (string.IsNullOrWhiteSpace(letter))
                {
                    Problem($"letters[{i}]", "This is required.");
                }
                else if (!vocabulary.LetterExists(letter, audience))
                {
                    Problem($"letters[{i}]", $"There is no letter template “{letter}”{(audience is null ? "" : $" for {(audience == Cases.Audience.Child ? "children" : "adults")}")}.");
                }
                else if (!result.Contains(letter))
                {
                    result.Add(letter);
                }
            }

            return result;
        }

        private List<PolicyTransition> Transitions(HashSet<string> states, HashSet<string> deadlineKinds, List<string> letters, TimeLimit? timeLimit, List<PolicyChoice> routes)
        {
            var result = new List<PolicyTransition>();
            var list = raw.Transitions ?? [];
            if (list.Count == 0)
            {
                Problem("transitions", "A policy needs its steps.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                var path = $"transitions[{i}]";
                var before = problems.Count;
                var item = list[i];
                if (item is null)
                {
                    Problem(path, "This is required.");
                    continue;
                }

                var code = Required(item.Code, path + ".code");
                if (code is not null && !Slug().IsMatch(code))
                {
                    Problem(path + ".code", "A step's code is lower-case letters, digits and hyphens.");
                }
                else if (code is not null && result.Any(t => t.Code == code))
                {
                    Problem(path + ".code", $"The step “{code}” is listed twice.");
                }

                var name = Required(item.Name, path + ".name");
                var from = item.From ?? [];
                if (from.Count == 0)
                {
                    Problem(path + ".from", "Say which states the step starts from.");
                }

                for (var f = 0; f < from.Count; f++)
                {
                    if (!states.Contains(from[f] ?? ""))
                    {
                        Problem($"{path}.from[{f}]", $"“{from[f]}” is not one of the policy's states.");
                    }
                }

                if (item.To is not null && !states.Contains(item.To))
                {
                    Problem(path + ".to", $"“{item.To}” is not one of the policy's states.");
                }

                var roles = item.Roles ?? [];
                if (roles.Count == 0)
                {
                    Problem(path + ".roles", "Say who may take the step.");
                }

                for (var r = 0; r < roles.Count; r++)
                {
                    if (!vocabulary.Roles.Contains(roles[r] ?? ""))
                    {
                        Problem($"{path}.roles[{r}]", $"“{roles[r]}” is not a role Heard knows ({RolesKnown}).");
                    }
                }

                var requires = item.Requires ?? [];
                for (var q = 0; q < requires.Count; q++)
                {
                    if (!TransitionRequirements.All.Contains(requires[q] ?? ""))
                    {
                        Problem($"{path}.requires[{q}]", $"“{requires[q]}” is not something a step can ask for ({string.Join(", ", TransitionRequirements.All)}).");
                    }
                }

                if (requires.Contains(TransitionRequirements.Criterion) && timeLimit is null)
                {
                    Problem(path + ".requires", "A step can ask for a discretion criterion only when the policy has a time limit with criteria.");
                }

                if (requires.Contains(TransitionRequirements.Route) && routes.Count == 0)
                {
                    Problem(path + ".requires", "A step can ask where something was passed to only when the policy lists its routes.");
                }

                var guards = item.Guards ?? [];
                for (var g = 0; g < guards.Count; g++)
                {
                    if (!ProcedureGuards.All.Contains(guards[g] ?? ""))
                    {
                        Problem($"{path}.guards[{g}]", $"“{guards[g]}” is not a condition Heard can check ({string.Join(", ", ProcedureGuards.All)}).");
                    }
                    else if (guards[g] is ProcedureGuards.OutOfTime && timeLimit is null)
                    {
                        Problem($"{path}.guards[{g}]", "A policy without a time limit cannot have a step for complaints out of time.");
                    }
                }

                var completes = item.Completes ?? [];
                for (var c = 0; c < completes.Count; c++)
                {
                    if (!deadlineKinds.Contains(completes[c] ?? ""))
                    {
                        Problem($"{path}.completes[{c}]", $"“{completes[c]}” is not one of the policy's deadlines.");
                    }
                }

                var starts = item.Starts ?? [];
                for (var c = 0; c < starts.Count; c++)
                {
                    if (!deadlineKinds.Contains(starts[c] ?? ""))
                    {
                        Problem($"{path}.starts[{c}]", $"“{starts[c]}” is not one of the policy's deadlines.");
                    }
                }

                if (item.Extends is not null && !deadlineKinds.Contains(item.Extends))
                {
                    Problem(path + ".extends", $"“{item.Extends}” is not one of the policy's deadlines.");
                }

                if (item.Extends is not null && !(requires.Contains(TransitionRequirements.NewDate) && requires.Contains(TransitionRequirements.AgreedBy) && requires.Contains(TransitionRequirements.Reason)))
                {
                    Problem(path + ".requires", "A step that extends a deadline must ask for the new date, the reason and who agreed it (new-date, reason, agreed-by).");
                }

                if (item.Assigns is not null && item.Assigns is not (ResponsibleManager or LocalServiceManager))
                {
                    Problem(path + ".assigns", $"A step can assign the “{ResponsibleManager}” or the “{LocalServiceManager}”, not “{item.Assigns}”.");
                }

                if ((item.Assigns is not null) != requires.Contains(TransitionRequirements.Manager))
                {
                    Problem(path + ".requires", "A step that assigns a manager must ask for one (manager), and only such a step may ask.");
                }

                if (item.Letter is not null && !letters.Contains(item.Letter))
                {
                    Problem(path + ".letter", $"“{item.Letter}” is not one of the policy's letters.");
                }

                if (item.SentWithLetter == true && item.Letter is null)
                {
                    Problem(path + ".sentWithLetter", "A step taken by sending a letter must name the letter.");
                }

                if (item.SentWithLetter == true && requires.Count > 0)
                {
                    Problem(path + ".requires", "A step taken by sending a letter cannot ask for anything: the letter says it.");
                }

                var labels = item.Labels ?? [];
                foreach (var key in labels.Keys)
                {
                    var requirement = key.EndsWith("-error", StringComparison.Ordinal) ? key[..^"-error".Length] : key;
                    if (!requires.Contains(requirement))
                    {
                        Problem($"{path}.labels.{key}", $"The step does not ask for “{requirement}”, so it needs no label for it.");
                    }
                }

                if (problems.Count == before)
                {
                    result.Add(new PolicyTransition(code!, name!, Tidy(item.Hint), NonNull(from), item.To, NonNull(roles), NonNull(requires), NonNull(guards),
                        NonNull(completes), NonNull(starts), item.Extends, item.Assigns, item.Letter, item.SentWithLetter == true, labels));
                }
            }

            return result;
        }

        private List<PolicyAllowance> Permissions(HashSet<string> states)
        {
            var result = new List<PolicyAllowance>();
            var list = raw.Permissions ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"permissions[{i}]";
                var item = list[i];
                var before = problems.Count;
                if (!PolicyActions.Listed.Contains(item?.Action ?? ""))
                {
                    Problem(path + ".action", $"“{item?.Action}” is not an action Heard knows ({string.Join(", ", PolicyActions.Listed)}).");
                }
                else if (result.Any(p => p.Action == item!.Action))
                {
                    Problem(path + ".action", $"The action “{item!.Action}” is listed twice.");
                }

                var itemStates = item?.States ?? [];
                for (var s = 0; s < itemStates.Count; s++)
                {
                    if (!states.Contains(itemStates[s] ?? ""))
                    {
                        Problem($"{path}.states[{s}]", $"“{itemStates[s]}” is not one of the policy's states.");
                    }
                }

                var roles = item?.Roles ?? [];
                if (roles.Count == 0)
                {
                    Problem(path + ".roles", "Say who may do it.");
                }

                for (var r = 0; r < roles.Count; r++)
                {
                    if (!vocabulary.Roles.Contains(roles[r] ?? ""))
                    {
                        Problem($"{path}.roles[{r}]", $"“{roles[r]}” is not a role Heard knows ({RolesKnown}).");
                    }
                }

                if (problems.Count == before)
                {
                    result.Add(new PolicyAllowance(item!.Action!, NonNull(itemStates), NonNull(roles)));
                }
            }

            return result;
        }

        /// <summary>Every state can be reached from received, and every state that is not an end leads somewhere.</summary>
        private void Reachability(List<PolicyState> states, List<PolicyTransition> transitions)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { ComplaintStates.Received };
            var queue = new Queue<string>(reached);
            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                foreach (var step in transitions.Where(t => t.From.Contains(state) && t.To is not null))
                {
                    if (reached.Add(step.To!))
                    {
                        queue.Enqueue(step.To!);
                    }
                }
            }

            for (var i = 0; i < states.Count; i++)
            {
                var state = states[i].Code;
                if (!reached.Contains(state))
                {
                    Problem($"states[{i}]", $"No step leads to “{state}” from “{ComplaintStates.Received}”.");
                }

                if (state != ComplaintStates.Closed && !ComplaintStates.Finished.Contains(state)
                    && !transitions.Any(t => t.From.Contains(state) && t.To is not null && t.To != state))
                {
                    Problem($"states[{i}]", $"No step leads out of “{state}”, which is not an end.");
                }
            }
        }

        private static List<string> NonNull(List<string?> items) => [.. items.OfType<string>()];

        private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    // The shape of the JSON. Everything is nullable so that a missing part is reported, not thrown.
    private sealed class PolicyJson
    {
        public string? Code { get; set; }
        public int? Version { get; set; }
        public string? Name { get; set; }
        public string? Audience { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? Summary { get; set; }
        public string? Basis { get; set; }
        public List<DeadlineJson?>? Deadlines { get; set; }
        public TimeLimitJson? TimeLimit { get; set; }
        public RemediesJson? Remedies { get; set; }
        public List<StateJson?>? States { get; set; }
        public List<TransitionJson?>? Transitions { get; set; }
        public List<PermissionJson?>? Permissions { get; set; }
        public List<ChoiceJson?>? Routes { get; set; }
        public List<string?>? Letters { get; set; }
    }

    private sealed class DeadlineJson
    {
        public string? Kind { get; set; }
        public string? Rule { get; set; }
        public string? From { get; set; }
        public string? Why { get; set; }
    }

    private sealed class TimeLimitJson
    {
        public string? Rule { get; set; }
        public string? From { get; set; }
        public List<ChoiceJson?>? DiscretionCriteria { get; set; }
    }

    private sealed class RemediesJson
    {
        public decimal? ApprovalAbove { get; set; }
        public string? ApproverRole { get; set; }
        public string? Why { get; set; }
    }

    private sealed class StateJson
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
    }

    private sealed class ChoiceJson
    {
        public string? Code { get; set; }
        public string? Text { get; set; }
    }

    private sealed class TransitionJson
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Hint { get; set; }
        public List<string?>? From { get; set; }
        public string? To { get; set; }
        public List<string?>? Roles { get; set; }
        public List<string?>? Requires { get; set; }
        public List<string?>? Guards { get; set; }
        public List<string?>? Completes { get; set; }
        public List<string?>? Starts { get; set; }
        public string? Extends { get; set; }
        public string? Assigns { get; set; }
        public string? Letter { get; set; }
        public bool? SentWithLetter { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
    }

    private sealed class PermissionJson
    {
        public string? Action { get; set; }
        public List<string?>? States { get; set; }
        public List<string?>? Roles { get; set; }
    }
}
