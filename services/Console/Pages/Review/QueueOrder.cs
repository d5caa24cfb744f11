using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;
using Visitation.Console.Vocabulary;

namespace Visitation.Console.Pages.Review;

/// <summary>The columns the reviewer may sort the queue by.</summary>
public enum QueueOrder
{
    /// <summary>Nearest deadline first: the service's order, and the one a reviewer should work in.</summary>
    Deadline,

    /// <summary>Oldest first, as the applications reached the bureau.</summary>
    Submitted,

    /// <summary>By office name, then deadline: one office's batch together.</summary>
    Office,
}

public static class QueueOrders
{
    public static IReadOnlyList<(QueueOrder Value, string Name)> Names { get; } =
    [
        (QueueOrder.Deadline, "截止时间"), (QueueOrder.Submitted, "提交时间"), (QueueOrder.Office, "受理司法所"),
    ];

    public static IEnumerable<ReviewTask> Sort(this IEnumerable<ReviewTask> tasks, QueueOrder order, ReferenceDataSet reference) => order switch
    {
        QueueOrder.Submitted => tasks.OrderBy(t => ReviewQueue.Instant(t.ReceivedAt)).ThenBy(t => t.ApplicationId, StringComparer.Ordinal),
        QueueOrder.Office => tasks.OrderBy(t => reference.NameOf(t.OfficeId), StringComparer.Ordinal).ThenBy(t => ReviewQueue.Instant(t.DueBy)),
        _ => tasks.OrderBy(t => ReviewQueue.Instant(t.DueBy)).ThenBy(t => ReviewQueue.Instant(t.ReceivedAt)),
    };
}
