using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Visitation.Console.Vocabulary;

/// <summary>Instants as the clerk reads them: China Standard Time, whatever the server's zone.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Format(Timestamp? instant) =>
        instant is null ? string.Empty : instant.ToDateTimeOffset().ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
