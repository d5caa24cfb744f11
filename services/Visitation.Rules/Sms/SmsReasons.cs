using System.Collections.Frozen;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Slots;
using Visitation.Rules.Visits;

namespace Visitation.Rules.Sms;

/// <summary>
/// The reason a family's SMS gives for a refusal or a cancellation: one short neutral sentence per
/// family of reason codes, chosen by the decision's code and never by its text.
/// </summary>
/// <remarks>
/// A decision's text is written for staff and may be typed by them; it can name the inmate's
/// confinement, investigation or management level, and a family's phone is often shared. The SMS
/// therefore says only what the family can act on — the paperwork, the timing, a change of
/// arrangements — and otherwise that the conditions are not met, and sends them to their office.
/// Unknown codes (a reviewer's own code, a new rule) fall to the neutral sentence.
/// </remarks>
public static class SmsReasons
{
    /// <summary>What the family brought or filled in: they can correct it and apply again.</summary>
    public const string ApplicationDetails = "申请信息或证明材料不符合要求";

    /// <summary>When they asked for: another month or an earlier application may work.</summary>
    public const string Timing = "未能在所申请的时间内办理";

    /// <summary>The venue's or the prison's arrangements changed: nothing the family did.</summary>
    public const string Arrangements = "会见安排临时调整";

    /// <summary>The family missed booked visits and the prison's no-show option holds new applications back: their own doing, so said.</summary>
    public const string MissedVisits = "此前多次预约会见未到场";

    /// <summary>Everything else, including every fact about the inmate.</summary>
    public const string ConditionsNotMet = "不符合会见条件";

    private static readonly FrozenDictionary<string, string> ByCode = new Dictionary<string, string>
    {
        [RuleCodes.IdentityDocumentMissing] = ApplicationDetails,
        [RuleCodes.RelationshipProofMissing] = ApplicationDetails,
        [RuleCodes.RequiredDocumentMissing] = ApplicationDetails,
        [RuleCodes.ChildWithoutGuardian] = ApplicationDetails,
        [RuleCodes.TooManyVisitors] = ApplicationDetails,
        [RuleCodes.RelationNotInScope] = ApplicationDetails,
        [ReviewReasonCodes.RelationMismatch] = ApplicationDetails,
        [ReviewReasonCodes.InmateNotFound] = ApplicationDetails,
        // The bureau's reviewers' usual codes (bureau_review.proto, RejectReviewRequest.reason_code).
        [ReviewReasonCodes.DocumentsIncomplete] = ApplicationDetails,
        [ReviewReasonCodes.RelationshipUnproven] = ApplicationDetails,
        // The material a stage sent back for never came (docs/send-back.md): the family may bring it and apply again.
        [ReviewReasonCodes.MaterialNotResubmitted] = ApplicationDetails,
        [RuleCodes.AdvanceNoticeTooShort] = Timing,
        [RuleCodes.NoVisitDayLeft] = Timing,
        [ReviewReasonCodes.DeadlinePassed] = Timing,
        [ReviewReasonCodes.MonthPassed] = Timing,
        [NoSlotReasons.Code] = Timing,
        [ScheduleChangeCodes.DayCancelled] = Arrangements,
        [ScheduleChangeCodes.ScheduleChanged] = Arrangements,
        [ScheduleChangeCodes.VisitCancelled] = Arrangements,
        [ScheduleChangeCodes.AreaChanged] = Arrangements,
        [RuleCodes.NoShowSuspension] = MissedVisits,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every sentence an SMS may give as its reason.</summary>
    public static IReadOnlyList<string> All { get; } = [ApplicationDetails, Timing, Arrangements, MissedVisits, ConditionsNotMet];

    /// <summary>The sentence for a decision's reason code.</summary>
    public static string For(string? reasonCode) =>
        reasonCode is not null && ByCode.TryGetValue(reasonCode, out var sentence) ? sentence : ConditionsNotMet;
}
