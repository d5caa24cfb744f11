using Visitation.Rules.Slots;
using Visitation.Rules.ReferenceData;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>A visit needs both ends open: the usable windows are where prison and venue hours overlap.</summary>
public static class OpeningHours
{
    public static IReadOnlyList<OpeningWindow> Intersect(IReadOnlyList<TimeWindow> prison, IReadOnlyList<TimeWindow> venue) =>
        prison
            .SelectMany(p => venue.Select(v => new OpeningWindow(Max(p.Start, v.Start), Min(p.End, v.End))))
            .Where(w => w.Start < w.End)
            .OrderBy(w => w.Start)
            .ToList();

    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
