using System.ComponentModel.DataAnnotations;
namespace Visitation.Workflow.Retention;

/// <summary>
/// Section <c>Retention</c>: how long the personal data of a closed application is kept, and how
/// often each service looks for applications past that period (docs/retention.md).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// How long after an application closed its personal data is kept (one year by default). Under
    /// 30 days is refused at start: the family and the office may still be asking about it.
    /// </summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "36500.00:00:00")]
    public TimeSpan AnonymiseAfter { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the job looks (and once as the service starts); at most 30 days (a timer's period is bounded).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Applications per transaction: a batch and its audit rows commit together.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
