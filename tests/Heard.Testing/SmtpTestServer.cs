using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Heard.Testing;

/// <summary>An email as the test SMTP server received it: the envelope and the raw message.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The value of a header in the raw message (first occurrence), or null.</summary>
    public string? Header(string name)
    {
        foreach (var line in Data.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }
}

/// <summary>
/// A small SMTP server on 127.0.0.1 for tests: enough of RFC 5321 for MailKit (EHLO/HELO, MAIL FROM, RCPT TO, DATA
/// with dot-unstuffing, RSET, NOOP, QUIT), no TLS and no authentication. Each accepted message is kept in
/// <see cref="Received"/>. Set <see cref="RejectData"/> to make every DATA fail with a temporary error.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    /// <summary>When true, DATA is answered "451 try again later" and nothing is kept.</summary>
    public bool RejectData { get; set; }

    /// <summary>How many SMTP sessions have been opened.</summary>
    public int Sessions => _sessions;

    private int _sessions;

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} email(s) within {timeout.TotalSeconds} s; received {Received.Count}.");
            }

            await Task.Delay(50);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _sessions);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 heard-test ESMTP ready");
            string? from = null;
            var to = new List<string>();
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-heard-test greets you");
                            await writer.WriteLineAsync("250-8BITMIME");
                            await writer.WriteLineAsync("250 SIZE 10485760");
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 heard-test");
                            break;
                        case "MAIL":
                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 OK");
                            break;
                        case "DATA":
                            if (RejectData)
                            {
                                await writer.WriteLineAsync("451 4.3.0 Try again later");
                                break;
                            }

                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            Received.Enqueue(new ReceivedEmail(from ?? "", to.ToList(), data.ToString()));
                            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"250 2.0.0 queued as {Received.Count}"));
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                            break;
                    }
                }
            }
            catch (IOException)
            {
                // The client went away.
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _listener.Dispose();
        _stop.Dispose();
    }
}
