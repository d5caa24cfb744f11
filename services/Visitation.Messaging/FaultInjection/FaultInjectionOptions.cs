using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging.FaultInjection;

/// <summary>
/// Crash points for the fault tests: the process kills itself (SIGKILL, as <c>kill -9</c> would)
/// inside one of the windows where a crash can lose or double a message, so a test can show that
/// nothing is lost and the duplicate that follows is absorbed. All off (0) by default; any of them
/// on is refused at start-up outside the <c>Testing</c> environment — in production the process
/// would kill itself on purpose. The fault tests set them only on a service run as its own process.
/// </summary>
public sealed class FaultInjectionOptions
{
    public const string Section = "FaultInjection";

    /// <summary>The only environment that accepts a crash point.</summary>
    public const string Environment = "Testing";

    /// <summary>
    /// Kill the process right after RabbitMQ confirmed the Nth outbox row this process published,
    /// before the dispatcher's round commits the rows as sent: the new process publishes that row again.
    /// </summary>
    [Range(0, 10_000)]
    public int KillAfterPublishConfirms { get; set; }

    /// <summary>
    /// Kill the process right after the Nth message's consumer committed (inbox row and effect),
    /// before the broker is acknowledged: the broker delivers it again to the next consumer.
    /// </summary>
    [Range(0, 10_000)]
    public int KillAfterConsumeCommits { get; set; }

    /// <summary>
    /// Kill the process right after an SMS provider answered the Nth send, before the answer is
    /// recorded: the provider has the SMS, and the service does not know it.
    /// </summary>
    [Range(0, 10_000)]
    public int KillAfterProviderAnswers { get; set; }

    /// <summary>
    /// Counts only provider answers for SMS to this number; every SMS when empty. A fault test's
    /// process shares its database with other tests, whose held SMS it may send first.
    /// </summary>
    [MaxLength(32)]
    public string? Recipient { get; set; }

    /// <summary>Counts only messages of this type (its class name, e.g. <c>BureauApproved</c>); every message when empty.</summary>
    public string? MessageType { get; set; }

    public bool IsEnabled => KillAfterPublishConfirms > 0 || KillAfterConsumeCommits > 0 || KillAfterProviderAnswers > 0;
}
