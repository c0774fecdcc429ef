using System.Net;
using Heard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Browser.Tests.Testing;

// Proves the shared browser fixtures: the app on a real socket, Debian's Chromium, the axe scan and the
// screenshot left by a failing page test.
public sealed class BrowserFixtureTests(HeardAppServer app, Chromium chromium)
    : IClassFixture<HeardAppServer>, IClassFixture<Chromium>
{
    [Fact]
    public void App_listens_on_loopback_only()
    {
        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(app.RootUri.Host));
        Assert.NotEqual(0, app.RootUri.Port);
    }

    [Fact]
    public async Task Home_page_opens_in_chromium()
    {
        await chromium.WithPageAsync(async page =>
        {
            var response = await page.GotoAsync(app.RootUri.ToString());

            Assert.NotNull(response);
            Assert.Equal((int)HttpStatusCode.OK, response.Status);
            Assert.Contains("Tell Cafcass what you think", await page.TitleAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Unknown_address_is_not_found_over_the_socket()
    {
        // A plain client, not the factory's: this request really crosses the loopback socket.
        using var client = new HttpClient { BaseAddress = app.RootUri };

        using var response = await client.GetAsync(new Uri("no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void App_serves_the_web_projects_wwwroot()
    {
        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();

        Assert.Equal(
            Path.Combine("src", "Heard.Web", "wwwroot"),
            Path.GetRelativePath(Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..")), environment.WebRootPath));
    }

    [Fact]
    public async Task Accessibility_scan_passes_an_accessible_page()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.SetContentAsync(
                """<!DOCTYPE html><html lang="en"><head><title>Make a complaint</title></head><body><main><h1>Make a complaint</h1><p>Tell us what went wrong.</p></main></body></html>""");

            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Accessibility_scan_names_the_rule_and_element_that_fail()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.SetContentAsync(
                """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main><img id="logo" src="data:,"></main></body></html>""");

            var error = await Assert.ThrowsAsync<AccessibilityViolationsException>(() => AccessibilityScan.AssertNoViolationsAsync(page));

            Assert.Contains("image-alt (critical)", error.Message, StringComparison.Ordinal);
            Assert.Contains("#logo", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Failing_page_test_leaves_a_screenshot()
    {
        var screenshot = Chromium.ScreenshotPath($"{nameof(BrowserFixtureTests)}.{nameof(Failing_page_test_leaves_a_screenshot)}");
        if (File.Exists(screenshot))
        {
            File.Delete(screenshot);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.RootUri.ToString());
            throw new InvalidOperationException("a deliberate failure");
        }));

        try
        {
            Assert.True(new FileInfo(screenshot).Length > 0, $"no screenshot at {screenshot}");
        }
        finally
        {
            // Not a real failure: leave nothing for ./test.sh to report.
            File.Delete(screenshot);
        }
    }
}
