using System.Globalization;
using System.Text.Json;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>Reading the providers' answers, which write numbers and strings alike and date everything in China time.</summary>
internal static class ProviderJson
{
    /// <summary>A property as text, whether the provider wrote it as a string or a number; null when absent.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
            : null;

    /// <summary>"yyyy-MM-dd HH:mm:ss" in China time, as both providers write their receipts.</summary>
    public static DateTimeOffset? ChinaTime(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, SmsMessageIds.ChinaOffset)
            : null;
}
