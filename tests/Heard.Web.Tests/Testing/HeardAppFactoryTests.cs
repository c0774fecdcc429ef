using System.Net;
using Heard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Testing;

// Proves the shared in-memory app fixture: the app boots, serves pages, and sees the test database.
public sealed class HeardAppFactoryTests(HeardAppFactory app) : IClassFixture<HeardAppFactory>
{
    [Fact]
    public async Task Home_page_is_served()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_address_is_not_found()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page-" + Guid.NewGuid(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void App_is_configured_with_the_test_database()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(app.Database.Provider, configuration["Heard:Database:Provider"]);
        Assert.Equal(app.Database.ConnectionString, configuration.GetConnectionString("Heard"));
    }

    [Fact]
    public void App_runs_in_development_from_the_web_project_folder()
    {
        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();

        Assert.Equal("Development", environment.EnvironmentName);
        Assert.True(File.Exists(Path.Combine(environment.WebRootPath, "favicon.ico")), $"no favicon.ico in {environment.WebRootPath}");
    }
}
