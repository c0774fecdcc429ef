using System.Text.Json.Nodes;
using Heard.Domain.Procedure;

namespace Heard.Domain.Tests.Procedure;

public sealed class PolicyReaderTests
{
    private static IReadOnlyList<PolicyProblem> Problems(string json)
    {
        var result = PolicyReader.Read(json, TestPolicies.Vocabulary);
        Assert.False(result.Succeeded);
        Assert.Null(result.Policy);
        return result.Problems;
    }

    [Fact]
    public void A_complete_definition_reads_into_its_states_steps_deadlines_and_time_limit()
    {
        var policy = TestPolicies.Read();

        Assert.Equal("test-policy@1", policy.Key);
        Assert.Equal(new DateOnly(2013, 4, 1), policy.EffectiveFrom);
        Assert.Equal("working-days:15", policy.Deadline("response")!.Rule.ToString());
        Assert.Equal("calendar-months:6", policy.TimeLimit!.Rule.ToString());
        Assert.Equal(8, policy.Transitions.Count);
        Assert.Null(policy.Transition("holding-letter")!.To);
        Assert.Equal("Investigation", policy.StateName("investigation"));
    }

    [Fact]
    public void A_role_heard_does_not_know_is_refused_at_its_path()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "close")["roles"] = new JsonArray("Complaints"));

        var problem = Assert.Single(Problems(json));

        Assert.Equal("transitions[6].roles[0]", problem.Path);
        Assert.Contains("“Complaints” is not a role Heard knows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_from_a_state_the_policy_does_not_have_is_refused()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "close")["from"] = new JsonArray("early-resolution"));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.Path == "transitions[6].from[0]" && p.Message.Contains("not one of the policy's states", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_key_is_refused_rather_than_ignored()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "withdraw")["requries"] = new JsonArray("reason"));

        var problem = Assert.Single(Problems(json));

        Assert.Contains("requries", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_rule_that_does_not_parse_is_refused()
    {
        var json = TestPolicies.With(p => p["deadlines"]![1]!["rule"] = "15 working days");

        var problem = Assert.Single(Problems(json));

        Assert.Equal("deadlines[1].rule", problem.Path);
    }

    [Fact]
    public void A_policy_without_a_response_deadline_is_refused()
    {
        var json = TestPolicies.With(p => p["deadlines"]!.AsArray().RemoveAt(1));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.Path == "deadlines" && p.Message.Contains("response", StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_no_step_reaches_is_refused()
    {
        var json = TestPolicies.With(p => p["states"]!.AsArray().Add(new JsonObject { ["code"] = "not-a-complaint", ["name"] = "Not a complaint" }));

        var problem = Assert.Single(Problems(json));

        Assert.Equal("states[7]", problem.Path);
        Assert.Contains("No step leads to “not-a-complaint”", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_that_is_not_an_end_and_leads_nowhere_is_refused()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "close")["from"] = new JsonArray("closed"));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.Message.Contains("No step leads out of “response-sent”", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_that_assigns_a_manager_without_asking_for_one_is_refused()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "start-investigation").Remove("requires"));

        var problem = Assert.Single(Problems(json));

        Assert.Equal("transitions[3].requires", problem.Path);
    }

    [Fact]
    public void A_discretion_step_in_a_policy_without_a_time_limit_is_refused()
    {
        var json = TestPolicies.With(p => p.Remove("timeLimit"));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.Path == "transitions[2].requires");
        Assert.Contains(problems, p => p.Path == "transitions[2].guards[0]");
    }

    [Fact]
    public void A_letter_with_no_template_is_refused()
    {
        var json = TestPolicies.With(p => p["letters"]!.AsArray().Add("apology"));

        var problem = Assert.Single(Problems(json));

        Assert.Equal("letters[3]", problem.Path);
        Assert.Contains("no letter template “apology”", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_taken_by_a_letter_cannot_also_ask_for_input()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "acknowledge")["requires"] = new JsonArray("reason"));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.Path == "transitions[0].requires" && p.Message.Contains("sending a letter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_that_extends_a_deadline_must_ask_for_the_new_date_reason_and_who_agreed()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "holding-letter")["requires"] = new JsonArray("new-date", "reason"));

        var problem = Assert.Single(Problems(json));

        Assert.Contains("agreed-by", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_steps_with_one_code_are_refused()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "close")["code"] = "withdraw");

        Assert.Contains(Problems(json), p => p.Message.Contains("listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_one_problem()
    {
        var problem = Assert.Single(Problems("{ \"code\": "));

        Assert.StartsWith("This is not a valid policy definition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = TestPolicies.With(p =>
        {
            p["name"] = "";
            p["effectiveFrom"] = "1 April 2013";
            p["remedies"]!["approverRole"] = "Treasurer";
        });

        var paths = Problems(json).Select(p => p.Path).ToList();

        Assert.Contains("name", paths);
        Assert.Contains("effectiveFrom", paths);
        Assert.Contains("remedies.approverRole", paths);
    }
}
