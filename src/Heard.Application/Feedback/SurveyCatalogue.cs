using Heard.Application.Data;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Feedback;

/// <summary>
/// The surveys every database starts with: one for adults, one for children and young people (faces). They are
/// data: an administrator can reword or add questions without a release; this only adds what is missing.
/// </summary>
public static class SurveyCatalogue
{
    public const string Adult = "adult";
    public const string Child = "child";

    public static IReadOnlyList<Survey> Initial()
    {
        var adult = new Survey
        {
            Code = Adult,
            Title = "Tell us about the service you had",
            Introduction = "It takes about 2 minutes. You do not have to give your name.",
            Audience = Audience.Adult,
            AsksForContact = true,
        };
        adult.Questions.AddRange(
        [
            new SurveyQuestion { SurveyCode = Adult, Key = "overall", Number = 1, Kind = QuestionKind.Score, Headline = true, Required = true,
                Text = "Overall, how was the service you had from Cafcass?", ScaleLabels = "Very poor|Poor|Neither good nor poor|Good|Very good" },
            new SurveyQuestion { SurveyCode = Adult, Key = "explained", Number = 2, Kind = QuestionKind.Score,
                Text = "Did we explain what was happening and what would happen next?", ScaleLabels = "Not at all|A little|Partly|Mostly|Completely" },
            new SurveyQuestion { SurveyCode = Adult, Key = "went-well", Number = 3, Kind = QuestionKind.Text,
                Text = "What did we do well?" },
            new SurveyQuestion { SurveyCode = Adult, Key = "do-better", Number = 4, Kind = QuestionKind.Text,
                Text = "What could we have done better?" },
        ]);

        var child = new Survey
        {
            Code = Child,
            Title = "Tell us what you think",
            Introduction = "This is for children and young people. You do not have to tell us your name. An adult you trust can help you.",
            Audience = Audience.Child,
            Faces = true,
        };
        child.Questions.AddRange(
        [
            new SurveyQuestion { SurveyCode = Child, Key = "overall", Number = 1, Kind = QuestionKind.Score, Headline = true, Required = true,
                Text = "How did you feel about your Cafcass worker?", ScaleLabels = "Really unhappy|Unhappy|OK|Happy|Really happy" },
            new SurveyQuestion { SurveyCode = Child, Key = "listened", Number = 2, Kind = QuestionKind.Score,
                Text = "Did your worker listen to you?", ScaleLabels = "Not at all|Not really|A bit|Mostly|Yes, always" },
            new SurveyQuestion { SurveyCode = Child, Key = "tell-us", Number = 3, Kind = QuestionKind.Text,
                Text = "Is there anything else you want to tell us?", Hint = "For example, what was good or what we could do better" },
        ]);
        return [adult, child];
    }

    /// <summary>Adds the initial surveys and any of their questions that are missing; never changes existing ones.</summary>
    public static async Task EnsureAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Surveys.Include(s => s.Questions).ToListAsync(cancellationToken);
        foreach (var survey in Initial())
        {
            var stored = existing.FirstOrDefault(s => s.Code == survey.Code);
            if (stored is null)
            {
                db.Surveys.Add(survey);
                continue;
            }

            foreach (var question in survey.Questions.Where(q => stored.Questions.All(s => s.Key != q.Key)))
            {
                stored.Questions.Add(question);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
