using Visitation.Contracts.Grpc.AuditStore;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.AuditStore.Features.Search;

/// <summary>
/// A request's filter checked field by field (every bad field is reported at once, INVALID_ARGUMENT
/// with google.rpc.BadRequest): texts short and printable, an event type from the closed list, a
/// record id only with its type, a defined service, a time range that runs forwards.
/// </summary>
public static class AuditFilters
{
    public const int MaxTextLength = 200;

    public static AuditQuery Parse(AuditFilter? filter, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        filter ??= new AuditFilter();
        var recordType = Text(violations, "filter.record_type", filter.RecordType);
        var recordId = Text(violations, "filter.record_id", filter.RecordId);
        if (recordId is not null && recordType is null)
        {
            violations.Add("filter.record_id", "按记录查询时须同时给出记录类型 record_type");
        }

        var eventType = Text(violations, "filter.event_type", filter.EventType);
        if (eventType is not null && !AuditEventNames.Contains(eventType))
        {
            violations.Add("filter.event_type", "不是审计事件清单中的事件");
        }

        string? service = null;
        if (filter.Service != AuditService.Unspecified)
        {
            service = Enum.IsDefined(filter.Service) ? AuditServices.NameOf(filter.Service) : null;
            if (service is null)
            {
                violations.Add("filter.service", "未知的服务");
            }
        }

        var from = Instant(violations, "filter.recorded_from", filter.RecordedFrom);
        var to = Instant(violations, "filter.recorded_to", filter.RecordedTo);
        if (from is not null && to is not null && to <= from)
        {
            violations.Add("filter.recorded_to", "应晚于 recorded_from");
        }

        return new AuditQuery(
            Text(violations, "filter.actor_user_id", filter.ActorUserId),
            Text(violations, "filter.actor_organisation", filter.ActorOrganisation),
            recordType, recordId, eventType, service, from, to, filter.OnlyBrokenLinks,
            Text(violations, "filter.owner_organisation", filter.OwnerOrganisation));
    }

    private static readonly HashSet<string> AuditEventNames = [.. Enum.GetNames<AuditEvent>()];

    /// <summary>An exact-match text: empty means "any"; too long or with control characters is refused.</summary>
    private static string? Text(FieldViolations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            violations.Add(field, $"至多 {MaxTextLength} 个字符，不含控制字符");
            return null;
        }

        return value;
    }

    private static DateTimeOffset? Instant(FieldViolations violations, string field, Google.Protobuf.WellKnownTypes.Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        // Timestamp's own range: seconds within years 1–9999 and nanos within a second.
        if (value.Seconds < -62_135_596_800 || value.Seconds > 253_402_300_799 || value.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "无效的时间");
            return null;
        }

        return value.ToDateTimeOffset();
    }
}
