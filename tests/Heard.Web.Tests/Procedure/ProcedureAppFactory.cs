using Heard.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Heard.Web.Tests.Procedure;

/// <summary>The app in memory without the demo data: these tests make exactly the people and complaints they need, and queues hold only those.</summary>
public sealed class ProcedureAppFactory : HeardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Heard:DemoData:Enabled", "false");
    }
}
