using Visitation.Rules.Eligibility;

namespace Visitation.Rules.Slots;

/// <summary>
/// Why an approved application got no visit, in the family's terms (it goes into their SMS): the
/// month had no free slot left, and what narrowed it.
/// </summary>
public static class NoSlotReasons
{
    public const string Code = "NO_SLOT_IN_MONTH";

    /// <summary>
    /// The first proposal found nothing in the month applied for. The advance notice is named only
    /// where the province has one, and the days the prison excluded only when there were any.
    /// </summary>
    public static string FirstProposal(VisitMonth month, int advanceDays, bool prisonExcludedDays)
    {
        var why = new List<string>();
        if (advanceDays > 0)
        {
            why.Add($"须提前{advanceDays}天申请");
        }

        why.Add("节假日暂停");
        if (prisonExcludedDays)
        {
            why.Add("部分会见日服刑人员或会见人不能会见");
        }

        return $"{month.ChineseName}该监区的视频会见日已无可预约时段（{string.Join("，", why)}）";
    }

    /// <summary>A re-offer (after a cancellation or a lapsed hold) found nothing in the month nor the next.</summary>
    public static string Reoffer(VisitMonth month) =>
        $"未能重新安排会见时间，{month.ChineseName}及次月该监区的视频会见日已无可预约时段";
}
