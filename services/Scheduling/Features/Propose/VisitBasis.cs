using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// What every proposal for an application needs, whether it is the first or a re-offer — the
/// family's <see cref="Preference"/> included, so a re-offer honours it as the first proposal did.
/// </summary>
public sealed record VisitBasis(
    Guid ApplicationId,
    string PrisonId,
    string PrisonArea,
    string VenueId,
    string CountyId,
    string InmateName,
    string InmateNumber,
    string VisitMonth,
    int Minutes,
    DateOnly EarliestDate,
    SlotPreference Preference,
    IReadOnlyList<BookedVisitor> Visitors)
{
    public static VisitBasis Of(Visit visit) =>
        new(visit.ApplicationId, visit.PrisonId, visit.PrisonArea, visit.VenueId, visit.CountyId, visit.InmateName,
            visit.InmateNumber, visit.VisitMonth, visit.Minutes, visit.EarliestDate, PreferenceOf(visit.PreferredDates, visit.PreferredPartOfDay), visit.Visitors);

    /// <summary>
    /// The preference as stored or as the application carried it; an unknown part of day (a newer
    /// sender's value) counts as any time rather than failing the proposal: it is only a wish.
    /// </summary>
    public static SlotPreference PreferenceOf(IReadOnlyList<DateOnly>? dates, string? partOfDay) =>
        new(dates ?? [], SlotPreference.TryParsePartOfDay(partOfDay, out var part) ? part : PartOfDay.Any);
}
