using System.Net;
using System.Text.RegularExpressions;

namespace Heard.Testing;

/// <summary>
/// Posts forms the way a browser does: it first GETs the page for its anti-forgery token (and cookie, kept by the
/// client), then posts the fields with that token. For HTTP-level tests of Razor Pages.
/// </summary>
public static partial class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The anti-forgery token in a page's HTML (the first form's).</summary>
    public static string TokenIn(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    public static async Task<string> TokenForAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return TokenIn(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with <paramref name="token"/> added (unless null).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new(TokenField, token));
        }

        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
