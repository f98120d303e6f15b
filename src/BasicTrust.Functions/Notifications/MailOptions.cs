using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace BasicTrust.Functions.Notifications;

/// <summary>
/// The SMTP relay mail goes out through, bound from <c>BasicTrust:Mail</c> (app settings <c>BasicTrust__Mail__…</c>).
/// The defaults fit a local development server (smtp4dev on 127.0.0.1:2525, no TLS, no sign-in); in Azure the app
/// settings name the relay (Azure Communication Services or Microsoft 365) and the password is a Key Vault reference.
/// </summary>
public sealed class MailOptions
{
    [Required, RegularExpression(@"^[A-Za-z0-9.\-:\[\]]+$")]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 2525;

    /// <summary><c>None</c>, <c>StartTls</c> (port 587), <c>SslOnConnect</c> (port 465) or <c>Auto</c> (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    [RegularExpression("^(None|StartTls|SslOnConnect|Auto)$")]
    public string Security { get; set; } = "None";

    /// <summary>The sender address, e.g. <c>DoNotReply@…azurecomm.net</c> (a sender the relay allows).</summary>
    [Required, EmailAddress]
    public string From { get; set; } = "basictrust@localhost";

    /// <summary>The relay's user name; empty: the relay takes mail without sign-in (local runs).</summary>
    public string User { get; set; } = "";

    /// <summary>The relay's password (in Azure a Key Vault reference); never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The web app's address, the base of every link in a mail, e.g. <c>https://….azurestaticapps.net/</c>.</summary>
    [Required, Url]
    public string SiteUrl { get; set; } = "http://127.0.0.1:4280/";

    /// <summary>How long a mail waits before the first new attempt when the relay cannot be reached; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long unsent, a mail's failures count against it, and it ends in <c>mail-outbox-poison</c> (logged, audited).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "6.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    public SecureSocketOptions SocketOptions => Enum.Parse<SecureSocketOptions>(Security);

    public Uri Link(string path) => new(new Uri(SiteUrl.EndsWith('/') ? SiteUrl : SiteUrl + "/"), path);
}
