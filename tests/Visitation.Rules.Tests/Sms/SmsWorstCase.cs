using System.Globalization;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;

namespace Visitation.Rules.Tests.Sms;

/// <summary>
/// The longest value of each kind the system can put in an SMS: names and addresses from the shipped
/// reference data, the longest date and month, the longest material list, every reason sentence.
/// </summary>
internal static class SmsWorstCase
{
    /// <summary>One set of values per reason sentence (the reason is the only value with several worst cases worth reading).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ValueSets()
    {
        var reference = ShippedReferenceData.Set;
        var values = new Dictionary<string, string>
        {
            ["month"] = "2026年12月",
            ["nextMonth"] = "2027年12月",
            ["reference"] = new string('F', 12),
            ["bureauName"] = Longest(reference.Counties.Select(c => c.Name)),
            ["officeName"] = Longest(reference.Offices.Select(o => o.Name).Append("当地司法所")),
            ["date"] = "2026年12月31日",
            ["time"] = "23:59",
            ["minutes"] = "120",
            ["venueName"] = Longest(reference.Venues.Select(v => v.Name)),
            ["venueAddress"] = Longest(reference.Venues.Select(v => v.Address)),
            // A send-back that asks for everything there is (the coded items only, never the reviewer's note).
            ["materials"] = MissingMaterials.Describe(MissingMaterials.All),
            // Who the visit centre removed from an approved application: positions and relation words, at their longest.
            ["visitors"] = Longest(Enumerable.Range(1, 10).SelectMany(count => RelationNames.Codes.Select(relation =>
                VisitorRemovals.DescribeForSms([.. Enumerable.Range(0, count).Select(i => (i, relation))])))),
        };
        foreach (var reason in SmsReasons.All)
        {
            yield return new Dictionary<string, string>(values) { ["reason"] = reason };
        }
    }

    private static string Longest(IEnumerable<string> values) =>
        values.MaxBy(v => new StringInfo(v).LengthInTextElements) ?? throw new InvalidOperationException("No values.");
}
