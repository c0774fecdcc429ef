using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;

namespace Heard.Domain.Tests.Procedure;

public sealed class ProcedureRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;

    [Fact]
    public void Complaint_received_ten_days_after_involvement_ended_is_in_time()
    {
        var limit = TestPolicies.Read().TimeLimit!;

        var result = limit.Check(Calendar, receivedOn: new DateOnly(2013, 6, 11), involvementEndedOn: new DateOnly(2013, 6, 1));

        Assert.True(result.InTime);
        Assert.Equal(new DateOnly(2013, 12, 2), result.LastDay);
    }

    [Fact]
    public void Complaint_received_seven_months_after_involvement_ended_is_out_of_time()
    {
        var limit = TestPolicies.Read().TimeLimit!;

        var result = limit.Check(Calendar, receivedOn: new DateOnly(2014, 1, 1), involvementEndedOn: new DateOnly(2013, 6, 1));

        Assert.False(result.InTime);
        Assert.Contains("Out of time", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Saturday 1 June 2013", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Six_months_ending_on_a_weekend_runs_to_the_next_working_day()
    {
        var limit = TestPolicies.Read().TimeLimit!;

        // 1 June 2013 + 6 months is Sunday 1 December; the last day is Monday 2 December.
        Assert.True(limit.Check(Calendar, new DateOnly(2013, 12, 2), new DateOnly(2013, 6, 1)).InTime);
        Assert.False(limit.Check(Calendar, new DateOnly(2013, 12, 3), new DateOnly(2013, 6, 1)).InTime);
    }

    [Fact]
    public void Complaint_while_the_service_is_still_involved_is_in_time()
    {
        var limit = TestPolicies.Read().TimeLimit!;

        Assert.True(limit.Check(Calendar, new DateOnly(2020, 1, 1), involvementEndedOn: null).InTime);
    }

    [Fact]
    public void Accept_is_refused_for_a_complaint_out_of_time_and_discretion_for_one_in_time()
    {
        var policy = TestPolicies.Read();
        var late = new CaseFacts { ReceivedOn = new DateOnly(2014, 1, 1), InvolvementEndedOn = new DateOnly(2013, 6, 1) };
        var prompt = late with { ReceivedOn = new DateOnly(2013, 6, 11) };

        Assert.NotEmpty(ProcedureGuards.Unmet(policy, policy.Transition("accept")!, late, Calendar));
        Assert.Empty(ProcedureGuards.Unmet(policy, policy.Transition("accept-by-discretion")!, late, Calendar));
        Assert.Empty(ProcedureGuards.Unmet(policy, policy.Transition("accept")!, prompt, Calendar));
        Assert.StartsWith("The complaint is not out of time", Assert.Single(ProcedureGuards.Unmet(policy, policy.Transition("accept-by-discretion")!, prompt, Calendar)), StringComparison.Ordinal);
    }

    [Fact]
    public void Response_cannot_be_sent_until_every_issue_has_a_finding_and_a_theme()
    {
        var policy = TestPolicies.Read();
        var facts = new CaseFacts
        {
            ReceivedOn = new DateOnly(2024, 3, 1),
            Issues = [new IssueFacts(1, "delay", Finding.Upheld), new IssueFacts(2, null, Finding.NotUpheld), new IssueFacts(3, "conduct", null)],
        };

        var unmet = ProcedureGuards.Unmet(policy, policy.Transition("send-response")!, facts, Calendar);

        Assert.Equal(["Issues 2 and 3 need findings with a theme."], unmet);
    }

    [Fact]
    public void Discretion_without_a_criterion_is_refused_with_the_field_named()
    {
        var policy = TestPolicies.Read();
        var context = new TransitionContext(new DateOnly(2014, 1, 6), new DateOnly(2014, 1, 1), null, Calendar);

        var problems = TransitionRequirements.Validate(policy, policy.Transition("accept-by-discretion")!, new TransitionInput { Reason = "Was in hospital" }, context);

        var problem = Assert.Single(problems);
        Assert.Equal(nameof(TransitionInput.Criterion), problem.Field);
    }

    [Fact]
    public void Discretion_against_a_criterion_the_policy_does_not_list_is_refused()
    {
        var policy = TestPolicies.Read();
        var context = new TransitionContext(new DateOnly(2014, 1, 6), new DateOnly(2014, 1, 1), null, Calendar);

        var problems = TransitionRequirements.Validate(policy, policy.Transition("accept-by-discretion")!, new TransitionInput { Reason = "x", Criterion = "felt-like-it" }, context);

        Assert.Equal(nameof(TransitionInput.Criterion), Assert.Single(problems).Field);
    }

    [Fact]
    public void Holding_letter_date_must_be_a_working_day_after_the_current_response_date()
    {
        var policy = TestPolicies.Read();
        var step = policy.Transition("holding-letter")!;
        var context = new TransitionContext(new DateOnly(2013, 3, 25), new DateOnly(2013, 3, 19), ResponseDueOn: new DateOnly(2013, 4, 11), Calendar);
        var input = new TransitionInput { Reason = "The practitioner is on leave", AgreedBy = "Head of practice" };

        var before = TransitionRequirements.Validate(policy, step, input with { NewDueOn = new DateOnly(2013, 4, 10) }, context);
        var weekend = TransitionRequirements.Validate(policy, step, input with { NewDueOn = new DateOnly(2013, 4, 13) }, context);
        var good = TransitionRequirements.Validate(policy, step, input with { NewDueOn = new DateOnly(2013, 4, 18) }, context);

        Assert.Contains("must be after the current response date, Thursday 11 April 2013", Assert.Single(before).Message, StringComparison.Ordinal);
        Assert.Contains("the next is Monday 15 April 2013", Assert.Single(weekend).Message, StringComparison.Ordinal);
        Assert.Empty(good);
    }

    [Fact]
    public void A_date_in_the_future_or_before_receipt_is_refused()
    {
        var json = TestPolicies.With(p => TestPolicies.Step(p, "withdraw")["requires"] = new System.Text.Json.Nodes.JsonArray("reason", "date"));
        var policy = TestPolicies.Read(json);
        var step = policy.Transition("withdraw")!;
        var context = new TransitionContext(new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 1), null, Calendar);

        Assert.Equal("The date must be today or in the past", Assert.Single(TransitionRequirements.Validate(policy, step, new TransitionInput { Reason = "r", On = new DateOnly(2024, 3, 6) }, context)).Message);
        Assert.StartsWith("The date must be on or after", Assert.Single(TransitionRequirements.Validate(policy, step, new TransitionInput { Reason = "r", On = new DateOnly(2024, 2, 29) }, context)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_above_the_threshold_needs_approval_and_one_at_it_does_not()
    {
        var policy = TestPolicies.Read();

        Assert.False(policy.NeedsApproval(500m));
        Assert.True(policy.NeedsApproval(500.01m));
        Assert.Equal("HeadOfPractice", policy.Remedies.ApproverRole);
    }
}
