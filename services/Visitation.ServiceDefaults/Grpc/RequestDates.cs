using System.Globalization;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// The date formats of our APIs (yyyy-MM-dd, yyyy-MM, HH:mm), parsed in one place: a value that does
/// not parse is recorded as a field violation and <c>null</c> comes back.
/// </summary>
public static class RequestDates
{
    public static DateOnly? Date(this FieldViolations violations, string field, string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Invalid<DateOnly>(violations, field, "格式应为 yyyy-MM-dd");

    /// <summary>A month as its first day.</summary>
    public static DateOnly? Month(this FieldViolations violations, string field, string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first
            : Invalid<DateOnly>(violations, field, "格式应为 yyyy-MM");

    public static TimeOnly? Time(this FieldViolations violations, string field, string? value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Invalid<TimeOnly>(violations, field, "格式应为 HH:mm");

    private static T? Invalid<T>(FieldViolations violations, string field, string description) where T : struct
    {
        violations.Add(field, description);
        return null;
    }
}
