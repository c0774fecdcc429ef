using MailKit.Security;

namespace Heard.Application.Email;

/// <summary>
/// How Heard sends email (configuration section <c>Heard:Email</c>). With a <see cref="PickupFolder"/> it writes
/// each email as an .eml file there instead (Development); otherwise it speaks SMTP to <see cref="Host"/>.
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Heard:Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@heard.example";
    public string FromName { get; set; } = "Cafcass complaints and feedback";

    /// <summary>The domain after the @ of every Message-ID.</summary>
    public string MessageIdDomain { get; set; } = "heard.example";

    /// <summary>When set, emails are written here as files rather than sent (a relative path is from the source root).</summary>
    public string? PickupFolder { get; set; }

    /// <summary>After this many failed attempts an email stops retrying and waits in the failed-sends queue.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How many emails one dispatcher run sends at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed email is left to its dispatcher before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
