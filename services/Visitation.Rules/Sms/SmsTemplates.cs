using System.Collections.Frozen;

namespace Visitation.Rules.Sms;

/// <summary>
/// The SMS texts sent to families. Every value is one the system itself chose: a month, a date and
/// time, a reference, the name and address of a venue, an office or a bureau from the reference data,
/// and a reason from <see cref="SmsReasons"/>. Nothing typed by staff or the family reaches an SMS —
/// no names (the inmate's name is what a clerk typed, and a shared phone should not read it), no
/// decision texts — and nothing about the inmate's status (RULES.md §8; docs/sms-content.md).
/// </summary>
public static class SmsTemplates
{
    /// <summary>Every message starts with the service's signature so families recognise the sender.</summary>
    public const string Signature = "【远程视频会见】";

    private static readonly FrozenDictionary<SmsKind, SmsTemplate> Templates = new SmsTemplate[]
    {
        new(SmsKind.Received,
            Signature + "您好，您的{month}远程视频会见申请已受理（受理编号：{reference}）。" +
            "审核结果将以短信通知，请留意查收。"),
        new(SmsKind.BureauRejected,
            Signature + "您好，您申请的远程视频会见经{bureauName}审核未予通过。原因：{reason}。" +
            "如需帮助，请咨询{officeName}。"),
        new(SmsKind.PrisonRejected,
            Signature + "您好，您申请的远程视频会见未获批准。原因：{reason}。" +
            "如需帮助，请咨询{officeName}。"),
        new(SmsKind.Scheduled,
            Signature + "您申请的远程视频会见已安排在{date} {time}，时长{minutes}分钟，" +
            "地点：{venueName}（{venueAddress}）。请提前30分钟到达，携带本人居民身份证原件（未成年人携带户口簿）。" +
            "迟到或未到视为放弃本次会见。"),
        new(SmsKind.Unavailable,
            Signature + "您好，很抱歉，您申请的{month}远程视频会见暂无可安排的时间。" +
            "您可申请{nextMonth}的会见。"),
        new(SmsKind.Cancelled,
            Signature + "您好，您原定于{date} {time}的远程视频会见已取消。原因：{reason}。" +
            "如有疑问，请咨询{officeName}。"),
        new(SmsKind.CancelledReoffered,
            Signature + "您好，您原定于{date} {time}的远程视频会见已取消。原因：{reason}。" +
            "本次取消不占用当月会见次数，新的会见时间确定后将另行短信通知，请留意查收。"),
        new(SmsKind.NotArranged,
            Signature + "您好，很抱歉，您申请的远程视频会见未能安排。原因：{reason}。" +
            "如有疑问，请咨询{officeName}。"),
        new(SmsKind.Reminder,
            Signature + "提醒：您的远程视频会见定于明天{date} {time}，时长{minutes}分钟，" +
            "地点：{venueName}（{venueAddress}）。请提前30分钟到达，携带本人居民身份证原件（未成年人携带户口簿），迟到或未到视为放弃本次会见。"),
        // Only the coded items' words (MissingMaterials) and the date: the reviewer's note never reaches the family.
        new(SmsKind.SentBack,
            Signature + "您好，您申请的远程视频会见需补充材料：{materials}。" +
            "请于{date}前到{officeName}补交，逾期申请将失效。"),
        // Who by position and relation word (VisitorRemovals.DescribeForSms), never by name; the officer's choice of reason by its neutral sentence.
        new(SmsKind.VisitorsRemoved,
            Signature + "您好，您申请的远程视频会见已获批准，但{visitors}不能参加本次会见。原因：{reason}。" +
            "其他会见人的会见时间确定后将另行短信通知；如有疑问，请咨询{officeName}。"),
    }.ToFrozenDictionary(t => t.Kind);

    /// <summary>The placeholder names the template of <paramref name="kind"/> needs, in text order.</summary>
    public static IReadOnlyList<string> Placeholders(SmsKind kind) => Get(kind).Placeholders;

    /// <summary>
    /// The message text with every placeholder replaced. A missing value throws rather than send a
    /// family a message with a hole in it; extra values are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A placeholder has no value; the message names it.</exception>
    public static string Render(SmsKind kind, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Get(kind).Render(values);
    }

    private static SmsTemplate Get(SmsKind kind) =>
        Templates.TryGetValue(kind, out var template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No SMS template for this kind.");
}
