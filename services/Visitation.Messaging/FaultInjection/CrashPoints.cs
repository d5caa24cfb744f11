using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Visitation.Messaging.FaultInjection;

/// <summary>
/// Counts the moments <see cref="FaultInjectionOptions"/> names and kills the process at the one
/// chosen. SIGKILL, not an exception or a stop: no finally block, no flush, no ack, no goodbye.
/// </summary>
public sealed class CrashPoints(IOptions<FaultInjectionOptions> options)
{
    private int _confirms;
    private int _commits;
    private int _answers;

    public bool IsEnabled => options.Value.IsEnabled;

    /// <summary>The broker confirmed an outbox row of this message type; the round has not committed.</summary>
    public void PublishConfirmed(string messageType)
    {
        if (options.Value.KillAfterPublishConfirms > 0 && Counts(messageType)
            && Interlocked.Increment(ref _confirms) == options.Value.KillAfterPublishConfirms)
        {
            Kill();
        }
    }

    /// <summary>A consumer of this message type committed; the broker has not been acknowledged.</summary>
    public void ConsumeCommitted(string messageType)
    {
        if (options.Value.KillAfterConsumeCommits > 0 && Counts(messageType)
            && Interlocked.Increment(ref _commits) == options.Value.KillAfterConsumeCommits)
        {
            Kill();
        }
    }

    /// <summary>An SMS provider answered a send to this number; the answer is not yet recorded.</summary>
    public void ProviderAnswered(string recipient)
    {
        if (options.Value.KillAfterProviderAnswers > 0
            && (string.IsNullOrEmpty(options.Value.Recipient) || recipient == options.Value.Recipient)
            && Interlocked.Increment(ref _answers) == options.Value.KillAfterProviderAnswers)
        {
            Kill();
        }
    }

    // Outbox rows carry the full type name, consumers see the class: compare the class name.
    private bool Counts(string messageType) =>
        string.IsNullOrEmpty(options.Value.MessageType)
        || messageType.Split('.', '+')[^1] == options.Value.MessageType;

    private static void Kill()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill(); // SIGKILL on Linux
    }
}
