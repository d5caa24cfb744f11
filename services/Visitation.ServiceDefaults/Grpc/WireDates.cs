using System.Globalization;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// Calendar values on the way out, in the formats <see cref="RequestDates"/> reads on the way in
/// (docs/decisions/0006-typed-contracts.md): a date <c>yyyy-MM-dd</c>, a time of day <c>HH:mm</c>;
/// an absent value is the empty string.
/// </summary>
public static class WireDates
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? date) => date is { } value ? Day(value) : string.Empty;

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly? time) => time is { } value ? Time(value) : string.Empty;
}
