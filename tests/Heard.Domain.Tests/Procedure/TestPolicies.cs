using System.Text.Json.Nodes;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;

namespace Heard.Domain.Tests.Procedure;

/// <summary>A small but complete policy, and ways to break it one part at a time.</summary>
internal static class TestPolicies
{
    public static readonly PolicyVocabulary Vocabulary = new(
        ["ComplaintsTeam", "ServiceManager", "HeadOfPractice"],
        (letter, _) => letter is "acknowledgement" or "outcome" or "holding-letter");

    public const string Minimal = """
        {
          "code": "test-policy",
          "version": 1,
          "name": "Test procedure",
          "audience": "adult",
          "effectiveFrom": "2013-04-01",
          "summary": "A procedure for tests.",
          "deadlines": [
            { "kind": "acknowledgement", "rule": "working-days:3", "from": "receipt" },
            { "kind": "response", "rule": "working-days:15", "from": "receipt" }
          ],
          "timeLimit": {
            "rule": "calendar-months:6",
            "from": "involvement-ended",
            "discretionCriteria": [ { "code": "practical-constraints", "text": "Practical constraints" } ]
          },
          "remedies": { "approvalAbove": 500, "approverRole": "HeadOfPractice" },
          "routes": [ { "code": "compliment", "text": "A compliment" } ],
          "letters": [ "acknowledgement", "outcome", "holding-letter" ],
          "states": [
            { "code": "received", "name": "Received" },
            { "code": "acknowledged", "name": "Acknowledged" },
            { "code": "accepted", "name": "Accepted" },
            { "code": "investigation", "name": "Investigation" },
            { "code": "response-sent", "name": "Response sent" },
            { "code": "closed", "name": "Closed" },
            { "code": "withdrawn", "name": "Withdrawn" }
          ],
          "transitions": [
            { "code": "acknowledge", "name": "Acknowledge", "from": ["received"], "to": "acknowledged", "roles": ["ComplaintsTeam"], "completes": ["acknowledgement"], "letter": "acknowledgement", "sentWithLetter": true },
            { "code": "accept", "name": "Accept", "from": ["acknowledged"], "to": "accepted", "roles": ["ComplaintsTeam"], "guards": ["in-time"] },
            { "code": "accept-by-discretion", "name": "Accept by discretion", "from": ["acknowledged"], "to": "accepted", "roles": ["ComplaintsTeam"], "requires": ["criterion", "reason"], "guards": ["out-of-time"] },
            { "code": "start-investigation", "name": "Start", "from": ["accepted"], "to": "investigation", "roles": ["ComplaintsTeam"], "requires": ["manager"], "assigns": "responsible-manager" },
            { "code": "holding-letter", "name": "Holding letter", "from": ["investigation"], "to": null, "roles": ["ServiceManager"], "requires": ["new-date", "reason", "agreed-by"], "extends": "response", "letter": "holding-letter" },
            { "code": "send-response", "name": "Send the response", "from": ["investigation"], "to": "response-sent", "roles": ["ServiceManager", "HeadOfPractice"], "guards": ["findings-complete"], "completes": ["response"], "letter": "outcome", "sentWithLetter": true },
            { "code": "close", "name": "Close", "from": ["response-sent"], "to": "closed", "roles": ["ComplaintsTeam"] },
            { "code": "withdraw", "name": "Withdraw", "from": ["received", "acknowledged", "accepted", "investigation"], "to": "withdrawn", "roles": ["ComplaintsTeam"], "requires": ["reason"] }
          ],
          "permissions": [
            { "action": "record-finding", "states": ["investigation"], "roles": ["ServiceManager"] }
          ]
        }
        """;

    public static ProcedurePolicy Read(string json = Minimal)
    {
        var result = PolicyReader.Read(json, Vocabulary);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Policy!;
    }

    /// <summary>The minimal policy with one change made to its JSON.</summary>
    public static string With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Minimal)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    public static JsonObject Step(JsonObject policy, string code) =>
        policy["transitions"]!.AsArray().Select(t => t!.AsObject()).First(t => (string?)t["code"] == code);

    public static Audience Adult => Audience.Adult;
}
