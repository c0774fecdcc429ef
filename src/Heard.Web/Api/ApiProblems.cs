using System.Text.Json;

namespace Heard.Web.Api;

/// <summary>RFC 9457 problem documents for every refusal the API makes, with the offending fields named.</summary>
public static class ApiProblems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Write(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null, Action<IHeaderDictionary>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response.Headers);
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(Document(context, status, title, detail, errors), Json));
    }

    public static IResult Result(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        Results.Json(Document(context, status, title, detail, errors), Json, "application/problem+json", status);

    private static Dictionary<string, object> Document(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors)
    {
        var document = new Dictionary<string, object>
        {
            ["type"] = $"https://heard.example/problems/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value ?? "",
        };
        if (errors is { Count: > 0 })
        {
            document["errors"] = errors;
        }

        return document;
    }
}
