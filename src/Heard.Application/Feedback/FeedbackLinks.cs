using System.Security.Cryptography;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Heard.Application.Feedback;

/// <summary>What a known tag stands for.</summary>
public sealed record FeedbackTag(string Code, Guid? ServiceAreaId, Guid? TeamId, FeedbackStage Stage, string SurveyCode);

/// <summary>
/// Feedback links for letters: a short random tag that stands for a service area, a team, a stage and a survey.
/// </summary>
/// <remarks>
/// A stored mapping, not a signed token. The tag is eight characters (about 40 random bits), so the link stays
/// short enough to type from paper and the QR code small and easy to scan; it says nothing in itself (a signed
/// token carries its contents, readable by anyone who decodes it); it needs no key to keep or rotate; and a tag
/// that is unknown or altered simply matches nothing, so the feedback is kept untagged. The tag carries no
/// personal data and no case number: the same link is printed on every letter of that area, team and stage.
/// </remarks>
public sealed class FeedbackLinks(HeardDbContext db, TimeProvider clock)
{
    public const int CodeLength = 8;

    // Crockford's base32 without I, L, O and U, as case references: nothing that reads as another character.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The link for an area, team, stage and survey: the existing one if there is one, so reprinted letters keep their tag.</summary>
    public async Task<FeedbackLink> GetOrCreateAsync(Guid? serviceAreaId, Guid? teamId, FeedbackStage stage, string surveyCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.Surveys.AnyAsync(s => s.Code == surveyCode, cancellationToken))
        {
            throw new Intake.ValidationFailedException([new Intake.FieldError("SurveyCode", "Select a survey")]);
        }

        if (teamId is { } team)
        {
            var teamArea = await db.Teams.Where(t => t.Id == team).Select(t => new { t.ServiceAreaId }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new Intake.ValidationFailedException([new Intake.FieldError("TeamId", "Select a team from the list")]);
            if (serviceAreaId is not null && teamArea.ServiceAreaId is not null && teamArea.ServiceAreaId != serviceAreaId)
            {
                throw new Intake.ValidationFailedException([new Intake.FieldError("TeamId", "Select a team in the service area you chose")]);
            }

            serviceAreaId ??= teamArea.ServiceAreaId;
        }

        var existing = await db.FeedbackLinks.FirstOrDefaultAsync(
            l => l.ServiceAreaId == serviceAreaId && l.TeamId == teamId && l.Stage == stage && l.SurveyCode == surveyCode, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        string code;
        do
        {
            code = NewCode();
        }
        while (await db.FeedbackLinks.AnyAsync(l => l.Code == code, cancellationToken));

        var link = new FeedbackLink
        {
            Code = code,
            ServiceAreaId = serviceAreaId,
            TeamId = teamId,
            Stage = stage,
            SurveyCode = surveyCode,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        db.FeedbackLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>The tag's meaning, or null for anything unknown, altered or malformed. Never throws for bad input.</summary>
    public async Task<FeedbackTag?> ResolveAsync(string? tag, CancellationToken cancellationToken = default)
    {
        var code = Normalise(tag);
        if (code is null)
        {
            return null;
        }

        return await db.FeedbackLinks.AsNoTracking()
            .Where(l => l.Code == code)
            .Select(l => new FeedbackTag(l.Code, l.ServiceAreaId, l.TeamId, l.Stage, l.SurveyCode))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A typed or scanned tag in its stored form, or null when it cannot be one.</summary>
    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 40)
        {
            return null;
        }

        var compact = new string(tag.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray())
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return compact.Length == CodeLength && compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? compact : null;
    }

    /// <summary>The short link printed on letters: <c>{root}/f/{code}</c>.</summary>
    public static Uri ShortLink(Uri root, string code)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new Uri(root, $"/f/{code}");
    }

    /// <summary>The QR code of <paramref name="url"/> as a PNG (black on white, quiet zone included).</summary>
    public static byte[] Png(Uri url, int pixelsPerModule = 12)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR code of <paramref name="url"/> as SVG, which prints sharp at any size.</summary>
    public static string Svg(Uri url, int pixelsPerModule = 8)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    private static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
