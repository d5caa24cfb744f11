using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Compose;

/// <summary>A visit's start as an instant: its date and time are the prison's, China time.</summary>
public static class VisitStart
{
    public static DateTimeOffset Of(DateOnly date, TimeOnly start) => new(date.ToDateTime(start), QuietHours.ChinaOffset);
}
