using Heard.Application.Identity;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Domain.Procedure;

namespace Heard.Application.Tests.Procedure;

/// <summary>
/// Pins the shipped procedures: for every policy, every state Heard knows, every step any policy has (and one that
/// none has) and every role, exactly the permitted transitions are allowed and every other is refused. The tables
/// below are written out by hand from the procedures, not read from the policy files, so a change to a file that
/// changes who may do what fails here until the table agrees.
/// </summary>
public sealed class PolicyTableTests
{
    private const string CT = Roles.ComplaintsTeam;
    private const string CCM = Roles.ChildrensComplaintsManager;
    private const string SM = Roles.ServiceManager;
    private const string HOP = Roles.HeadOfPractice;

    private sealed record Row(string Step, string[] From, string? To, string[] Roles);

    private sealed record Allowance(string Action, string[] States, string[] Roles);

    private static readonly string[] Open2010 = ["received", "acknowledged", "accepted", "investigation"];
    private static readonly string[] Open2013 = ["received", "acknowledged", "accepted", "awaiting-consent", "early-resolution", "investigation"];

    private static readonly Row[] Procedure2010 =
    [
        new("acknowledge", ["received"], "acknowledged", [CT, CCM]),
        new("accept", ["acknowledged"], "accepted", [CT, CCM]),
        new("redirect-to-court", ["acknowledged"], "redirected-to-court", [CT, CCM]),
        new("not-a-complaint", ["acknowledged"], "not-a-complaint", [CT, CCM]),
        new("start-investigation", ["accepted"], "investigation", [CT, CCM]),
        new("change-manager", ["investigation"], null, [CT, CCM, HOP]),
        new("declare-conflict", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("offer-conversation", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("record-conversation", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("holding-letter", ["accepted", "investigation"], null, [CT, CCM, SM, HOP]),
        new("send-response", ["investigation"], "response-sent", [CT, CCM, SM, HOP]),
        new("close", ["response-sent"], "closed", [CT, CCM]),
        new("withdraw", Open2010, "withdrawn", [CT, CCM]),
        new("reopen", ["response-sent", "closed"], "investigation", [CT, CCM, HOP]),
        new("reopen-decision", ["withdrawn", "redirected-to-court", "not-a-complaint"], "acknowledged", [CT, CCM]),
    ];

    private static readonly Row[] Procedure2013 =
    [
        new("acknowledge", ["received"], "acknowledged", [CT, CCM]),
        new("accept", ["acknowledged"], "accepted", [CT, CCM]),
        new("accept-by-discretion", ["acknowledged"], "accepted", [CT, CCM]),
        new("refuse-out-of-time", ["acknowledged"], "refused-out-of-time", [CT, CCM]),
        new("redirect-to-court", ["acknowledged"], "redirected-to-court", [CT, CCM]),
        new("not-a-complaint", ["acknowledged"], "not-a-complaint", [CT, CCM]),
        new("offer-early-resolution", ["accepted"], "awaiting-consent", [CT, CCM]),
        new("record-consent", ["awaiting-consent"], "early-resolution", [CT, CCM]),
        new("record-contact", ["early-resolution"], null, [CT, CCM, SM]),
        new("consent-refused", ["awaiting-consent"], "investigation", [CT, CCM]),
        new("resolve-early", ["early-resolution"], "closed", [CT, CCM, SM]),
        new("early-resolution-failed", ["early-resolution"], "investigation", [CT, CCM, SM]),
        new("start-investigation", ["accepted"], "investigation", [CT, CCM]),
        new("change-manager", ["investigation"], null, [CT, CCM, HOP]),
        new("declare-conflict", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("offer-conversation", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("record-conversation", ["investigation"], null, [CT, CCM, SM, HOP]),
        new("holding-letter", ["accepted", "awaiting-consent", "early-resolution", "investigation"], null, [CT, CCM, SM, HOP]),
        new("send-response", ["investigation"], "response-sent", [CT, CCM, SM, HOP]),
        new("close", ["response-sent"], "closed", [CT, CCM]),
        new("withdraw", Open2013, "withdrawn", [CT, CCM]),
        new("reopen", ["response-sent", "closed"], "investigation", [CT, CCM, HOP]),
        new("reopen-decision", ["withdrawn", "refused-out-of-time", "redirected-to-court", "not-a-complaint"], "acknowledged", [CT, CCM]),
    ];

    private static readonly Row[] Adult2023 =
    [
        new("acknowledge", ["received"], "acknowledged", [CT]),
        new("accept", ["acknowledged"], "accepted", [CT]),
        new("accept-by-discretion", ["acknowledged"], "accepted", [CT]),
        new("refuse-out-of-time", ["acknowledged"], "refused-out-of-time", [CT]),
        new("redirect-to-court", ["acknowledged"], "redirected-to-court", [CT]),
        new("not-a-complaint", ["acknowledged"], "not-a-complaint", [CT]),
        new("offer-early-resolution", ["accepted"], "awaiting-consent", [CT]),
        new("record-consent", ["awaiting-consent"], "early-resolution", [CT]),
        new("record-contact", ["early-resolution"], null, [CT, SM]),
        new("consent-refused", ["awaiting-consent"], "investigation", [CT]),
        new("resolve-early", ["early-resolution"], "closed", [CT, SM]),
        new("early-resolution-failed", ["early-resolution"], "investigation", [CT, SM]),
        new("start-investigation", ["accepted"], "investigation", [CT]),
        new("change-manager", ["investigation"], null, [CT, HOP]),
        new("declare-conflict", ["investigation"], null, [CT, SM, HOP]),
        new("offer-conversation", ["investigation"], null, [CT, SM, HOP]),
        new("record-conversation", ["investigation"], null, [CT, SM, HOP]),
        new("holding-letter", ["accepted", "awaiting-consent", "early-resolution", "investigation"], null, [CT, SM, HOP]),
        new("send-response", ["investigation"], "response-sent", [CT, SM, HOP]),
        new("close", ["response-sent"], "closed", [CT]),
        new("withdraw", Open2013, "withdrawn", [CT]),
        new("reopen", ["response-sent", "closed"], "investigation", [CT, HOP]),
        new("reopen-decision", ["withdrawn", "refused-out-of-time", "redirected-to-court", "not-a-complaint"], "acknowledged", [CT]),
    ];

    private static readonly Row[] Child2023 =
    [
        new("acknowledge", ["received"], "acknowledged", [CCM]),
        new("record-first-contact", Open2013, null, [CCM]),
        new("accept", ["acknowledged"], "accepted", [CCM]),
        new("redirect-to-court", ["acknowledged"], "redirected-to-court", [CCM]),
        new("not-a-complaint", ["acknowledged"], "not-a-complaint", [CCM]),
        new("offer-early-resolution", ["accepted"], "awaiting-consent", [CCM]),
        new("record-consent", ["awaiting-consent"], "early-resolution", [CCM]),
        new("consent-refused", ["awaiting-consent"], "investigation", [CCM]),
        new("resolve-early", ["early-resolution"], "closed", [CCM]),
        new("early-resolution-failed", ["early-resolution"], "investigation", [CCM]),
        new("start-investigation", ["accepted"], "investigation", [CCM]),
        new("change-manager", ["investigation"], null, [CCM, HOP]),
        new("declare-conflict", ["investigation"], null, [CCM, SM, HOP]),
        new("holding-letter", ["accepted", "awaiting-consent", "early-resolution", "investigation"], null, [CCM, SM, HOP]),
        new("send-response", ["investigation"], "response-sent", [CCM]),
        new("close", ["response-sent"], "closed", [CCM]),
        new("withdraw", Open2013, "withdrawn", [CCM]),
        new("reopen", ["response-sent", "closed"], "investigation", [CCM]),
        new("reopen-decision", ["withdrawn", "redirected-to-court", "not-a-complaint"], "acknowledged", [CCM]),
    ];

    private static readonly string[] States2010 = ["received", "acknowledged", "accepted", "redirected-to-court", "not-a-complaint", "investigation", "response-sent", "closed", "withdrawn"];
    private static readonly string[] States2013 = [.. ComplaintStates.All];
    private static readonly string[] StatesChild = [.. ComplaintStates.All.Where(s => s != ComplaintStates.RefusedOutOfTime)];

    private static Allowance[] Allowances(string[] states, string[] writers, string[] investigators, bool early) =>
    [
        new("record-finding", early ? ["early-resolution", "investigation"] : ["investigation"], investigators),
        new("add-remedy", early ? ["early-resolution", "investigation"] : ["investigation"], investigators),
        new("approve-remedy", early ? ["early-resolution", "investigation"] : ["investigation"], [HOP]),
        new("add-learning-point", early ? ["early-resolution", "investigation", "response-sent", "closed"] : ["investigation", "response-sent", "closed"], investigators),
        new("write-letter", states, writers),
    ];

    public static TheoryData<string> Policies => new() { "procedure-2010@1", "procedure-2013@1", "adult-2023@1", "child-2023@1" };

    private static (Row[] Rows, string[] States, Allowance[] Allowances) Expected(string key) => key switch
    {
        "procedure-2010@1" => (Procedure2010, States2010, Allowances(States2010, [CT, CCM, SM, HOP], [CT, CCM, SM, HOP], early: false)),
        "procedure-2013@1" => (Procedure2013, States2013, Allowances(States2013, [CT, CCM, SM, HOP], [CT, CCM, SM, HOP], early: true)),
        "adult-2023@1" => (Adult2023, States2013, Allowances(States2013, [CT, SM, HOP], [CT, SM, HOP], early: true)),
        "child-2023@1" => (Child2023, StatesChild, Allowances(StatesChild, [CCM], [CCM, SM, HOP], early: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private static ProcedurePolicy Shipped(string key)
    {
        var vocabulary = PolicyCatalogue.VocabularyOf(LetterTemplates.BuiltIn);
        foreach (var (_, json) in PolicyCatalogue.BuiltInDefinitions())
        {
            var read = PolicyReader.Read(json, vocabulary);
            Assert.True(read.Succeeded, string.Join("\n", read.Problems));
            if (read.Policy!.Key == key)
            {
                return read.Policy;
            }
        }

        throw new InvalidOperationException($"{key} is not shipped");
    }

    [Fact]
    public void Heard_ships_the_2010_2013_and_2023_procedures_and_each_reads_without_a_problem()
    {
        var vocabulary = PolicyCatalogue.VocabularyOf(LetterTemplates.BuiltIn);

        var keys = PolicyCatalogue.BuiltInDefinitions().Select(d => PolicyReader.Read(d.Json, vocabulary)).Select(r => r.Policy?.Key).ToList();

        Assert.Equal(["adult-2023@1", "child-2023@1", "procedure-2010@1", "procedure-2013@1"], keys);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_permitted_transition_is_allowed_for_exactly_its_roles_and_states_and_every_other_is_refused(string key)
    {
        var policy = Shipped(key);
        var (rows, _, _) = Expected(key);
        var steps = new[] { Procedure2010, Procedure2013, Adult2023, Child2023 }.SelectMany(r => r).Select(r => r.Step).Append("no-such-step").Distinct().ToList();
        var wrong = new List<string>();
        var checkedCount = 0;

        foreach (var state in ComplaintStates.All)
        {
            foreach (var step in steps)
            {
                foreach (var role in Roles.All)
                {
                    var expected = rows.Any(r => r.Step == step && r.From.Contains(state) && r.Roles.Contains(role));
                    var check = policy.Check(step, state, [role]);
                    checkedCount++;
                    if (check.IsAllowed != expected)
                    {
                        wrong.Add($"{step} from {state} as {role}: expected {(expected ? "allowed" : "refused")}, was {(check.IsAllowed ? "allowed" : "refused: " + check.Reason)}");
                    }
                    else if (!check.IsAllowed && string.IsNullOrWhiteSpace(check.Reason))
                    {
                        wrong.Add($"{step} from {state} as {role}: refused without a reason");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checkedCount} checks disagree with the table:\n{string.Join("\n", wrong)}");
        Assert.Equal(ComplaintStates.All.Count * steps.Count * Roles.All.Count, checkedCount);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Each_transition_leads_to_the_state_the_procedure_says(string key)
    {
        var policy = Shipped(key);
        var (rows, _, _) = Expected(key);

        var actual = policy.Transitions.Select(t => (t.Code, t.To)).OrderBy(t => t.Code).ToList();

        Assert.Equal(rows.Select(r => (r.Step, r.To)).OrderBy(t => t.Step).ToList(), actual);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Policy_has_exactly_its_states(string key)
    {
        var policy = Shipped(key);

        Assert.Equal(Expected(key).States.Order(), policy.States.Select(s => s.Code).Order());
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Findings_remedies_learning_and_letters_are_allowed_for_exactly_their_roles_and_states(string key)
    {
        var policy = Shipped(key);
        var (_, _, allowances) = Expected(key);
        var wrong = new List<string>();

        foreach (var allowance in allowances)
        {
            foreach (var state in ComplaintStates.All)
            {
                foreach (var role in Roles.All)
                {
                    var expected = allowance.States.Contains(state) && allowance.Roles.Contains(role);
                    var actual = policy.RoleFor(allowance.Action, state, [role]) is not null;
                    if (actual != expected)
                    {
                        wrong.Add($"{allowance.Action} in {state} as {role}: expected {(expected ? "allowed" : "refused")}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Board_readers_administrators_communications_and_information_rights_take_no_step_in_any_procedure()
    {
        string[] outsiders = [Roles.BoardReader, Roles.Administrator, Roles.Communications, Roles.InformationRights];

        string[] keys = ["procedure-2010@1", "procedure-2013@1", "adult-2023@1", "child-2023@1"];
        var allowed = keys.Select(Shipped).SelectMany(p =>
            from state in ComplaintStates.All
            from step in p.Transitions
            from role in outsiders
            where p.Check(step.Code, state, [role]).IsAllowed
            select $"{p.Key} {step.Code} {state} {role}").ToList();

        Assert.Empty(allowed);
    }

    [Fact]
    public void Refusal_for_the_wrong_role_names_who_may_take_the_step()
    {
        var policy = Shipped("adult-2023@1");

        var check = policy.Check("refuse-out-of-time", ComplaintStates.Acknowledged, [SM], Roles.Describe);

        Assert.False(check.IsAllowed);
        Assert.Equal("Under the Adults' complaints policy (2023) only the complaints and correspondence team can do “Refuse as out of time”.", check.Reason);
    }

    [Fact]
    public void Refusal_from_the_wrong_state_names_the_states_it_is_possible_from()
    {
        var policy = Shipped("adult-2023@1");

        var check = policy.Check("close", ComplaintStates.Received, [CT], Roles.Describe);

        Assert.False(check.IsAllowed);
        Assert.Equal("“Close” is not possible while the complaint is received. Under the Adults' complaints policy (2023) it is possible only when the complaint is response sent.", check.Reason);
    }

    [Theory]
    [InlineData("procedure-2010@1", "working-days:3", "working-days:10", null)]
    [InlineData("procedure-2013@1", "working-days:3", "working-days:15", null)]
    [InlineData("adult-2023@1", "working-days:3", "working-days:15", null)]
    [InlineData("child-2023@1", "working-days:3", "working-days:15", "working-days:1")]
    public void Each_procedure_promises_its_acknowledgement_response_and_first_contact_dates_from_receipt(string key, string acknowledgement, string response, string? firstContact)
    {
        var policy = Shipped(key);

        Assert.Equal(acknowledgement, policy.Deadline("acknowledgement")?.Rule.ToString());
        Assert.Equal(response, policy.Deadline("response")?.Rule.ToString());
        Assert.Equal(firstContact, policy.Deadlines.FirstOrDefault(d => d.Kind == "first-contact" && d.StartsAtReceipt)?.Rule.ToString());
    }

    [Theory]
    [InlineData("procedure-2010@1", null)]
    [InlineData("procedure-2013@1", "calendar-months:6")]
    [InlineData("adult-2023@1", "calendar-months:6")]
    [InlineData("child-2023@1", null)]
    public void Only_the_2013_and_adult_2023_procedures_have_the_six_month_time_limit(string key, string? limit)
    {
        var policy = Shipped(key);

        Assert.Equal(limit, policy.TimeLimit?.Rule.ToString());
        if (limit is not null)
        {
            Assert.NotEmpty(policy.TimeLimit!.DiscretionCriteria);
        }
    }

    [Fact]
    public void Every_shipped_letter_template_exists_for_adults_and_children_and_uses_only_known_merge_fields()
    {
        string[] known =
        [
            "Today", "Reference", "PersonName", "FirstName", "ReceivedOn", "PolicyName", "ResponseTarget", "ResponseDueOn", "AcknowledgementDueOn",
            "FirstContactDueOn", "IssuesList", "ResponsibleManager", "LocalServiceManager", "SignedBy", "SignedByTitle", "InvolvementEndedOn",
            "Findings", "FindingsPlain", "Remedies", "TimeLimitLastDay", "DecisionReason", "CourtCopyText", "PreviousResponseDueOn",
            "NewResponseDueOn", "DelayReason", "AgreedBy",

            // The MP response letter's own fields, given by MpEnquiryHandling.DraftResponseAsync.
            "MpName", "ResponseText",
        ];
        var templates = LetterTemplates.BuiltIn;
        string[] letters = ["acknowledgement", "early-resolution-consent", "offer-of-conversation", "holding-letter", "outcome", "out-of-time", "matter-for-the-court"];

        foreach (var letter in letters)
        {
            Assert.True(templates.Exists(letter, audience: null), $"{letter} needs an adult and a child version");
        }

        var unknown = templates.All.SelectMany(t => LetterTemplates.FieldsOf(t).Where(f => !known.Contains(f)).Select(f => $"{t.Code}.{t.Audience}: {f}")).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_outcome_letter_says_what_happens_next_the_ombudsman_through_an_mp()
    {
        foreach (var outcome in LetterTemplates.BuiltIn.All.Where(t => t.Code == "outcome"))
        {
            Assert.Contains("Ombudsman", outcome.Body, StringComparison.Ordinal);
            Assert.Contains("Member of Parliament (MP)", outcome.Body, StringComparison.Ordinal);
        }
    }
}
