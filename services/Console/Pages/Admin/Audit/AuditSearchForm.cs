using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc.AuditStore;

namespace Visitation.Console.Pages.Admin.Audit;

/// <summary>
/// The audit search's filter as the page's form holds it: times as the administrator reads them (China
/// Standard Time, minutes), everything else as the store's filter. The same form drives the search and the export.
/// </summary>
public sealed class AuditSearchForm
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The browser's <c>datetime-local</c> value, e.g. <c>2026-02-02T09:30</c>.</summary>
    public string? RecordedFrom { get; set; }

    public string? RecordedTo { get; set; }

    public string? ActorUserId { get; set; }

    public string? ActorOrganisation { get; set; }

    public string? OwnerOrganisation { get; set; }

    public string? RecordType { get; set; }

    public string? RecordId { get; set; }

    public string? EventType { get; set; }

    public AuditService Service { get; set; }

    public bool OnlyBrokenLinks { get; set; }

    /// <summary>The store's filter; a time the form cannot read is named in <paramref name="unreadable"/> (the store never sees it).</summary>
    public AuditFilter ToFilter(ICollection<string> unreadable)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        return new AuditFilter
        {
            ActorUserId = Trimmed(ActorUserId),
            ActorOrganisation = Trimmed(ActorOrganisation),
            OwnerOrganisation = Trimmed(OwnerOrganisation),
            RecordType = Trimmed(RecordType),
            RecordId = Trimmed(RecordId),
            EventType = Trimmed(EventType),
            Service = Service,
            OnlyBrokenLinks = OnlyBrokenLinks,
            RecordedFrom = Instant(RecordedFrom, nameof(RecordedFrom), unreadable),
            RecordedTo = Instant(RecordedTo, nameof(RecordedTo), unreadable),
        };
    }

    /// <summary>The form's fields as query pairs, for the next page's link (without empty ones).</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsQuery(string prefix) =>
        new (string Name, string? Value)[]
        {
            (nameof(RecordedFrom), RecordedFrom), (nameof(RecordedTo), RecordedTo), (nameof(ActorUserId), ActorUserId), (nameof(ActorOrganisation), ActorOrganisation),
            (nameof(OwnerOrganisation), OwnerOrganisation), (nameof(RecordType), RecordType), (nameof(RecordId), RecordId),
            (nameof(EventType), EventType), (nameof(Service), Service == AuditService.Unspecified ? null : Service.ToString()),
            (nameof(OnlyBrokenLinks), OnlyBrokenLinks ? "true" : null),
        }.Where(pair => !string.IsNullOrEmpty(pair.Value)).Select(pair => KeyValuePair.Create(prefix + "." + pair.Name, pair.Value));

    private static string Trimmed(string? text) => text?.Trim() ?? string.Empty;

    private static Timestamp? Instant(string? local, string field, ICollection<string> unreadable)
    {
        if (string.IsNullOrWhiteSpace(local))
        {
            return null;
        }

        if (DateTime.TryParseExact(local.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return Timestamp.FromDateTimeOffset(new DateTimeOffset(time, China));
        }

        unreadable.Add(field);
        return null;
    }
}
