using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Testing;

/// <summary>
/// The Heard web app on a real Kestrel socket at 127.0.0.1 on a free port, for a browser to open.
/// Everything else is as <see cref="HeardAppFactory"/>: its own fresh database, the web project's
/// content root and <c>wwwroot</c>, Development unless a subclass says otherwise.
/// </summary>
public class HeardAppServer : HeardAppFactory
{
    private Uri? _rootUri;

    public HeardAppServer()
    {
        // Port 0: the operating system picks a free port, so parallel runs never collide.
        // Loopback only: nothing outside this machine can reach the app under test.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address the app answers on, such as http://127.0.0.1:41234/.</summary>
    public Uri RootUri => _rootUri ?? throw new InvalidOperationException("The server has not started: use it as a class fixture or call InitializeAsync first.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        _rootUri = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>An absolute address on the app, for a relative one such as "/complain".</summary>
    public Uri Url(string relative) => new(RootUri, relative);
}

/// <summary>The app on a real socket with the Development demo data loaded.</summary>
public class DemoAppServer : HeardAppServer
{
    protected override bool LoadDemoData => true;
}
