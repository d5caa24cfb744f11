using System.Globalization;
using Visitation.Rules.Sms;
using Xunit;

namespace Visitation.Rules.Tests.Sms;

public sealed class SmsTemplatesTests
{
    // Realistic (and realistically long) values for every placeholder any template uses.
    private static readonly Dictionary<string, string> Values = new()
    {
        ["month"] = "2026年3月",
        ["nextMonth"] = "2026年4月",
        ["reference"] = "3F2A9C0D41B7",  // the last 12 hex digits of the application id, as ApplicationReceivedSmsConsumer sends it
        ["bureauName"] = "运城市盐湖区司法局",
        ["officeName"] = "盐湖区解州镇司法所",
        ["reason"] = SmsReasons.ApplicationDetails,
        ["date"] = "2026年3月11日",
        ["time"] = "09:40",
        ["minutes"] = "30",
        ["materials"] = "户口簿、亲属关系证明",
        ["visitors"] = "第2位会见人（配偶）",
        ["venueName"] = "盐湖区司法局远程视频会见室",
        ["venueAddress"] = "运城市盐湖区解放南路128号司法局一楼",
    };

    [Theory]
    [InlineData(SmsKind.Received, "month,reference")]
    [InlineData(SmsKind.BureauRejected, "bureauName,reason,officeName")]
    [InlineData(SmsKind.PrisonRejected, "reason,officeName")]
    [InlineData(SmsKind.Scheduled, "date,time,minutes,venueName,venueAddress")]
    [InlineData(SmsKind.Unavailable, "month,nextMonth")]
    [InlineData(SmsKind.Cancelled, "date,time,reason,officeName")]
    [InlineData(SmsKind.CancelledReoffered, "date,time,reason")]
    [InlineData(SmsKind.Reminder, "date,time,minutes,venueName,venueAddress")]
    [InlineData(SmsKind.NotArranged, "reason,officeName")]
    [InlineData(SmsKind.SentBack, "materials,date,officeName")]
    [InlineData(SmsKind.VisitorsRemoved, "visitors,reason,officeName")]
    [InlineData(SmsKind.VisitorsRemovedAtReview, "visitors,reason,officeName")]
    public void EachKindNeedsExactlyItsPlaceholders(SmsKind kind, string expected)
    {
        Assert.Equal(expected.Split(','), SmsTemplates.Placeholders(kind));
    }

    [Theory]
    [InlineData(SmsKind.Received)]
    [InlineData(SmsKind.BureauRejected)]
    [InlineData(SmsKind.PrisonRejected)]
    [InlineData(SmsKind.Scheduled)]
    [InlineData(SmsKind.Unavailable)]
    [InlineData(SmsKind.Cancelled)]
    [InlineData(SmsKind.CancelledReoffered)]
    [InlineData(SmsKind.Reminder)]
    [InlineData(SmsKind.NotArranged)]
    [InlineData(SmsKind.SentBack)]
    [InlineData(SmsKind.VisitorsRemoved)]
    [InlineData(SmsKind.VisitorsRemovedAtReview)]
    public void RendersWithEveryPlaceholderReplaced(SmsKind kind)
    {
        var text = SmsTemplates.Render(kind, Values);

        Assert.StartsWith("【远程视频会见】", text, StringComparison.Ordinal);
        Assert.DoesNotContain('{', text);
        Assert.DoesNotContain('}', text);
        Assert.All(SmsTemplates.Placeholders(kind), name => Assert.Contains(Values[name], text, StringComparison.Ordinal));
        Assert.InRange(new StringInfo(text).LengthInTextElements, 40, SmsContentTests.Budget);
    }

    [Fact]
    public void ScheduledTellsWhatToBringAndTheLatenessRule()
    {
        var text = SmsTemplates.Render(SmsKind.Scheduled, Values);

        Assert.Contains("提前30分钟", text, StringComparison.Ordinal);
        Assert.Contains("身份证", text, StringComparison.Ordinal);
        Assert.Contains("户口簿", text, StringComparison.Ordinal);
        Assert.Contains("迟到", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyACancellationWithAReofferPromisesANewTime()
    {
        var reoffered = SmsTemplates.Render(SmsKind.CancelledReoffered, Values);
        var final = SmsTemplates.Render(SmsKind.Cancelled, Values);

        Assert.Contains("新的会见时间确定后将另行短信通知", reoffered, StringComparison.Ordinal);
        Assert.Contains("不占用当月会见次数", reoffered, StringComparison.Ordinal);
        Assert.DoesNotContain("新的会见时间", final, StringComparison.Ordinal);
        Assert.All([reoffered, final], text => Assert.Contains("原因：" + SmsReasons.ApplicationDetails, text, StringComparison.Ordinal));
    }

    [Fact]
    public void ReminderSaysTomorrowAndWhatToBring()
    {
        var text = SmsTemplates.Render(SmsKind.Reminder, Values);

        Assert.Contains("明天2026年3月11日 09:40", text, StringComparison.Ordinal);
        Assert.Contains("身份证", text, StringComparison.Ordinal);
        Assert.Contains("迟到或未到视为放弃", text, StringComparison.Ordinal);
    }

    public static TheoryData<SmsKind, string> EveryPlaceholderOfEveryKind()
    {
        var data = new TheoryData<SmsKind, string>();
        foreach (var kind in Enum.GetValues<SmsKind>())
        {
            foreach (var name in SmsTemplates.Placeholders(kind))
                data.Add(kind, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPlaceholderOfEveryKind))]
    public void MissingValueThrowsNamingIt(SmsKind kind, string missing)
    {
        var values = Values.Where(v => v.Key != missing).ToDictionary();

        var error = Assert.Throws<ArgumentException>(() => SmsTemplates.Render(kind, values));

        Assert.Contains($"'{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesAreNotThemselvesTemplates()
    {
        var values = new Dictionary<string, string>(Values) { ["reason"] = "{month}" };

        Assert.Contains("原因：{month}。", SmsTemplates.Render(SmsKind.PrisonRejected, values), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKindIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsTemplates.Placeholders((SmsKind)99));
    }

    [Theory]
    [InlineData("会见安排临时调整。")]
    [InlineData("会见安排临时调整")]
    public void AReasonWrittenAsASentenceDoesNotEndInTwoFullStops(string reason)
    {
        var values = new Dictionary<string, string>(Values) { ["reason"] = reason };

        var text = SmsTemplates.Render(SmsKind.PrisonRejected, values);

        Assert.Contains("原因：会见安排临时调整。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", text, StringComparison.Ordinal);
    }
}
