using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit;

namespace Heard.Testing;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, one browser per fixture and a fresh
/// context (cookies, storage) per page. Use it as an xunit class fixture beside <see cref="HeardAppServer"/>.
/// </summary>
/// <remarks>
/// Playwright never downloads a browser here: the machine's network reaches only package registries, so the
/// browser is the distribution's, installed by <c>./test.sh</c>. The Playwright driver itself ships inside the
/// Microsoft.Playwright package.
/// </remarks>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling Google services that this machine's
    // closed network refuses; --no-sandbox because CI may run as root, where Chromium's sandbox will not start.
    private static readonly string[] Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    /// <summary>How long a click, fill or locator waits before failing.</summary>
    public const float ActionTimeoutMs = 30_000;

    /// <summary>How long a navigation (and a wait for a URL or load state) waits before failing.</summary>
    public const float NavigationTimeoutMs = 90_000;

    /// <summary>How long an <c>Expect(...)</c> assertion retries before failing (Playwright's default is 5 s).</summary>
    public const float ExpectTimeoutMs = 20_000;

    static Chromium() => Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started: use it as a class fixture or call InitializeAsync first.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. ./test.sh installs Debian's chromium package; " +
                "by hand: apt-get install chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a new page in a new browser context. If it throws, a full-page
    /// screenshot is saved to <see cref="ArtifactsFolder"/> (named after the test) before the exception goes on.
    /// </summary>
    public async Task WithPageAsync(
        Func<IPage, Task> test,
        BrowserNewContextOptions? options = null,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        await using var context = await Browser.NewContextAsync(options);
        // Generous waits: on a loaded two-core CI machine a page can take seconds to render while another
        // fixture loads the demo data. A real failure still fails, only later.
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(NavigationTimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            await SaveScreenshotAsync(page, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
            throw;
        }
    }

    /// <summary>Where failed browser tests leave screenshots: <c>HEARD_TEST_ARTIFACTS</c>, else <c>.test-artifacts</c> at the repository root.</summary>
    public static string ArtifactsFolder =>
        Environment.GetEnvironmentVariable("HEARD_TEST_ARTIFACTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(RepositoryRoot(), ".test-artifacts");

    /// <summary>The screenshot file a failing test named <paramref name="name"/> leaves.</summary>
    public static string ScreenshotPath(string name) => Path.Combine(ArtifactsFolder, "screenshots", name + ".png");

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = ScreenshotPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        catch (PlaywrightException)
        {
            // A page too broken to photograph must not hide the test's own failure.
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Heard.slnx")))
            {
                return folder.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
