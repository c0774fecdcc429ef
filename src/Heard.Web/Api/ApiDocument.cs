using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Heard.Web.Api;

/// <summary>The OpenAPI document's title, description and the API key it needs.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Heard API";
        document.Info.Description =
            "Complaints and their status for other channels and systems. Every call needs a service account's key " +
            "('Authorization: Bearer heard_…'), made by a Heard administrator; an account sees what a person with its role " +
            "and area would. Every submission needs an Idempotency-Key header. Refusals are RFC 9457 problem documents.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A service account's API key.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
