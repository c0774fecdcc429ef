using System.Net;
using Heard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Heard.Web.Tests.Operations;

/// <summary>Health, security headers and error pages as a member of the public or an operator meets them.</summary>
public sealed class OperationsTests(HeardAppFactory app) : IClassFixture<HeardAppFactory>
{
    [Fact]
    public async Task Health_checks_the_database_and_says_healthy()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/complain")]
    [InlineData("/staff/sign-in")]
    [InlineData("/no-such-page")]
    [InlineData("/govuk/govuk-frontend.min.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/complain", UriKind.Relative));

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_styled_not_found_page()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/complaints/secret-" + Guid.NewGuid(), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("govuk-frontend.min.css", html, StringComparison.Ordinal);
    }
}

/// <summary>The app as it runs in production: styled error page without internals, HSTS, no demo data.</summary>
public sealed class ProductionErrorTests(ProductionErrorTests.ThrowingApp app) : IClassFixture<ProductionErrorTests.ThrowingApp>
{
    public sealed class ThrowingApp : HeardAppFactory
    {
        protected override string EnvironmentName => Environments.Production;

        // Asked to load demo data: Production must refuse anyway, so no demo account can ever exist there.
        protected override bool LoadDemoData => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, Boom>());
        }

        private sealed class Boom : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
            {
                next(builder);
                builder.Map("/test-only/boom", b => b.Run(_ => throw new InvalidOperationException("Secret internal detail at line 42")));
            };
        }
    }

    [Fact]
    public async Task An_error_shows_the_styled_problem_page_and_leaks_nothing()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/test-only/boom", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_sends_strict_transport_security_over_https()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://heard.example/") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS header on an HTTPS response in Production");
    }

    [Fact]
    public async Task Production_has_no_demo_accounts()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Application.Identity.HeardUser>>();

        Assert.Null(await users.FindByEmailAsync(Application.Demo.DemoData.Accounts[0].Email));
    }
}
