using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heard.Application.Email;

/// <summary>Where emails go: an SMTP server, or a pickup folder in Development.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends over SMTP with MailKit: one connection per dispatcher run, opened on first use.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailSettings> options) : IEmailTransport, IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new InvalidOperationException("No SMTP host is configured (Heard:Email:Host), and no pickup folder (Heard:Email:PickupFolder).");
        }

        if (_client is not { IsConnected: true })
        {
            _client?.Dispose();
            _client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
            await _client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await _client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }
        }

        await _client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (IOException)
            {
                // The message is already sent or recorded as failed; a lost goodbye changes nothing.
            }
            catch (MailKit.ProtocolException)
            {
            }
        }

        _client?.Dispose();
    }
}

/// <summary>Writes each email to a folder as an .eml file named by its Message-ID (Development, demos).</summary>
public sealed class PickupFolderTransport(string folder) : IEmailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())) + ".eml";
        // Write then rename, so a reader of the folder never sees half an email.
        var path = Path.Combine(Folder, name);
        var partial = path + ".tmp";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
