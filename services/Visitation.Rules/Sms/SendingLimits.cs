namespace Visitation.Rules.Sms;

/// <summary>
/// How many SMS one number may receive per minute, per hour and per day: the providers refuse more, so
/// an SMS over a limit is deferred to the moment the limit allows it, never dropped. Windows are
/// rolling, as the providers count them. The default is the strictest limit Alibaba Cloud documents
/// (its verification-code limit per sign name and number: 1 a minute, 5 an hour, 10 a day; notices are
/// held to 50 a day per sign name, template and number — help.aliyun.com document 2881383), a
/// conservative choice: a family hears of a few steps a week, and carriers throttle bursts too.
/// </summary>
public sealed record SendingLimits(int PerMinute, int PerHour, int PerDay)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static SendingLimits Default { get; } = new(1, 5, 10);

    /// <summary>
    /// The earliest moment from <paramref name="now"/> at which one more SMS keeps every window within
    /// its limit, given the times of those already sent to the number in the last day.
    /// </summary>
    public DateTimeOffset EarliestSend(IEnumerable<DateTimeOffset> sentInLastDay, DateTimeOffset now)
    {
        var sent = sentInLastDay.Where(at => at > now - Day).Order().ToList();
        var earliest = now;
        foreach (var (window, limit) in new[] { (Minute, PerMinute), (Hour, PerHour), (Day, PerDay) })
        {
            var inWindow = sent.Where(at => at > now - window).ToList();
            if (inWindow.Count >= limit)
            {
                // The window must first lose the oldest sends that keep it full.
                var freesAt = inWindow[inWindow.Count - limit] + window;
                earliest = freesAt > earliest ? freesAt : earliest;
            }
        }

        return earliest;
    }
}
