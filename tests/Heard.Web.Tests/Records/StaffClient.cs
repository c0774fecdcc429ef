using System.Net;
using System.Text.RegularExpressions;
using Heard.Application.Demo;

namespace Heard.Web.Tests.Records;

/// <summary>An HTTP client signed in as a demo account, posting forms with their anti-forgery token as a browser would.</summary>
public static partial class StaffClient
{
    public static async Task<HttpClient> SignedInAsync(Heard.Testing.HeardAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await PostFormAsync(client, "/staff/sign-in", "/staff/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Opens <paramref name="page"/> for its anti-forgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
