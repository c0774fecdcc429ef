using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Heard.Web.Infrastructure;

/// <summary>Healthy when the database answers a query, not merely when the process is up.</summary>
internal sealed class DatabaseHealthCheck(HeardDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await db.ServiceAreas.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Database answers ({db.Database.ProviderName}).");
        }
#pragma warning disable CA1031 // Any failure to reach the database means unhealthy; the reason is reported, not rethrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("Database does not answer.", ex);
        }
    }
}
