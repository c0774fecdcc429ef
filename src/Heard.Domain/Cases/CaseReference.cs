using System.Security.Cryptography;

namespace Heard.Domain.Cases;

/// <summary>
/// The unique reference a person is given on receipt (ISO 10002). It is random rather than sequential so that it
/// reveals nothing about volumes and cannot be walked; it is not a secret (tracking uses a separate token).
/// </summary>
public static class CaseReference
{
    // Crockford's base32 without I, L, O and U: nothing that reads as another character over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Prefix(CaseType type) => type switch
    {
        CaseType.Complaint => "CMP",
        CaseType.Compliment => "CPL",
        CaseType.MpEnquiry => "MPE",
        CaseType.OmbudsmanCase => "PHS",
        CaseType.SubjectAccessRequest => "SAR",
        _ => "REC",
    };

    /// <summary>For example <c>CMP-7K3M-9QTP</c>.</summary>
    public static string New(CaseType type, Func<int, int>? next = null)
    {
        next ??= RandomNumberGenerator.GetInt32;
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < 9; i++)
        {
            chars[i] = i == 4 ? '-' : Alphabet[next(Alphabet.Length)];
        }

        return $"{Prefix(type)}-{chars}";
    }

    /// <summary>Tidies what a person typed (spaces, dashes, lower case, confusable letters) before it is looked up.</summary>
    public static string Normalise(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var compact = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (compact.Length != 11)
        {
            return compact;
        }

        // Only the random part is read with Crockford's rules; the prefix is letters by design.
        var body = compact[3..].Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return $"{compact[..3]}-{body[..4]}-{body[4..]}";
    }
}
