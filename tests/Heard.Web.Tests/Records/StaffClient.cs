using Heard.Application.Demo;

namespace Heard.Web.Tests.Records;

/// <summary>An HTTP client signed in as a demo account, posting forms with their anti-forgery token as a browser would.</summary>
public static class StaffClient
{
    public static Task<HttpClient> SignedInAsync(Heard.Testing.HeardAppFactory app, string email) =>
        Heard.Testing.StaffClients.SignedInAsEmailAsync(app, email, DemoData.Password);

    /// <summary>Opens <paramref name="page"/> for its anti-forgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var token = await Heard.Testing.Forms.TokenForAsync(client, page);
        return await Heard.Testing.Forms.PostAsync(client, action, fields, token);
    }
}
