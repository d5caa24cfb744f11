using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;

namespace Visitation.Console.Vocabulary;

/// <summary>
/// The coded reasons a county reviewer may give for not approving, in Chinese, from the same constants
/// the services use; and the Chinese name of any review reason code a page shows (the clerk's timeline too).
/// </summary>
public static class ReviewReasons
{
    /// <summary>What the reviewer chooses from, in the order they are most often used.</summary>
    public static IReadOnlyList<(string Code, string Name)> ReviewerChoices { get; } =
    [
        (ReviewReasonCodes.DocumentsIncomplete, "证明材料不齐全"),
        (ReviewReasonCodes.RelationshipUnproven, "亲属关系无法证明"),
        (ReviewReasonCodes.Other, "其他原因（在说明中写明）"),
    ];

    private static readonly Dictionary<string, string> Others = new(StringComparer.Ordinal)
    {
        [ReviewReasonCodes.DeadlinePassed] = "超过复审期限",
        [ReviewReasonCodes.MonthPassed] = "会见月份已过",
        [ReviewReasonCodes.InmateNotFound] = "监狱名册中未查到该服刑人员",
        [ReviewReasonCodes.RelationMismatch] = "与监狱登记的亲属关系不符",
    };

    /// <summary>The Chinese name of a reason code; a code no page knows shows as itself.</summary>
    public static string NameOf(string? code) =>
        string.IsNullOrEmpty(code) ? string.Empty
        : ReviewerChoices.FirstOrDefault(c => c.Code == code).Name ?? (Others.TryGetValue(code, out var name) ? name : code);

    /// <summary>The one sentence the family's SMS gives for this code: the reviewer's note never goes into it.</summary>
    public static string SmsSentenceFor(string code) => SmsReasons.For(code);
}
