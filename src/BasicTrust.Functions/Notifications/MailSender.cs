using System.Net.Sockets;
using BasicTrust.Functions.Pipeline;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BasicTrust.Functions.Notifications;

/// <summary>What sending a mail did.</summary>
public enum MailOutcome { Sent, Off, NoAddress, Purged, RetryLater }

/// <summary>
/// SendMail's service: looks the person's settings up, writes the mail in their language and sends it over SMTP with
/// MailKit. When the relay cannot be reached the mail goes back on the outbox with a growing delay, so an outage of
/// hours loses nothing and uses none of the message's deliveries; after <see cref="MailOptions.GiveUpAfter"/>, or
/// when the relay refuses the mail, the exception lets the host retry and then move it to the poison queue.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, NotificationPreferences preferences, PipelineStore store, Notifier notifier,
    TimeProvider clock, ILogger<MailSender> logger)
{
    public async Task<MailOutcome> SendAsync(MailJob job, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await store.IsPurgedAsync(job.CaseId, cancellationToken).ConfigureAwait(false)) return Log(job, MailOutcome.Purged);
        var person = await preferences.GetAsync(job.Recipient, cancellationToken).ConfigureAwait(false);
        if (!person.Enabled) return Log(job, MailOutcome.Off);
        if (person.Address is not { } address) return Log(job, MailOutcome.NoAddress);

        var text = MailTexts.For(job.Kind, person.Language, job.CaseId, job.SessionId, settings.Link(MailTexts.PagePath(job.Kind, job.CaseId, job.SessionId)));
        using var message = new MimeMessage { Subject = text.Subject, Body = new TextPart("plain") { Text = text.Body } };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add("Content-Language", person.Language);
        // Tells mail servers and clients that no one should answer or auto-reply to it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        try
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(settings.Host, settings.Port, settings.SocketOptions, cancellationToken).ConfigureAwait(false);
            if (settings.User.Length > 0) await client.AuthenticateAsync(settings.User, settings.Password, cancellationToken).ConfigureAwait(false);
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e) && clock.GetUtcNow() - job.QueuedAt < settings.GiveUpAfter)
        {
            var delay = RetryDelay(job.Attempt, settings);
            await notifier.RetryLaterAsync(job, delay, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Mail {Kind} for plan {PlanId}: the mail server {Host}:{Port} cannot be reached ({Error}); trying again in {Delay}",
                job.Kind, job.PlanId, settings.Host, settings.Port, e.GetType().Name, delay);
            return MailOutcome.RetryLater;
        }
        return Log(job, MailOutcome.Sent);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: doubling from the first delay, capped.</summary>
    public static TimeSpan RetryDelay(int attempt, MailOptions settings) =>
        TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.RetryDelay.Ticks * (1L << Math.Clamp(attempt, 0, 20))));

    /// <summary>The relay cannot be reached or is busy (connection refused or dropped, a 4xx answer): worth waiting for.</summary>
    static bool IsUnreachable(Exception e) => e is SocketException or IOException or ServiceNotConnectedException or SmtpProtocolException
        || e is SmtpCommandException { StatusCode: var code } && (int)code is >= 400 and < 500
        || e is TimeoutException or OperationCanceledException { CancellationToken.IsCancellationRequested: false };

    MailOutcome Log(MailJob job, MailOutcome outcome)
    {
        logger.LogInformation("Mail {Kind} for plan {PlanId}: {Outcome}", job.Kind, job.PlanId, outcome);
        return outcome;
    }
}
