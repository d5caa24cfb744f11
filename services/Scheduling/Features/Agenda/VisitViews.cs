using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.DayOf;
using Visitation.Scheduling.Features.Propose;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.Agenda;

public static class VisitViews
{
    public static VisitView ToView(Visit visit) => ToView(visit, null, []);

    /// <summary>The visit with its day-of record; <paramref name="now"/> gives the talking time of a call still connected.</summary>
    public static VisitView ToView(Visit visit, DateTimeOffset? now, IReadOnlyList<VisitInterruption> interruptions)
    {
        var view = new VisitView
        {
            VisitId = visit.Id.ToString(),
            ApplicationId = visit.ApplicationId.ToString(),
            PrisonId = visit.PrisonId,
            PrisonArea = visit.PrisonArea,
            VenueId = visit.VenueId,
            Date = visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = visit.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            Minutes = visit.Minutes,
            Status = visit.Status.ToString(),
            PrisonTerminal = visit.PrisonTerminal,
            VenueTerminal = visit.VenueTerminal,
            HoldExpiresAt = visit.Status == VisitStatus.Proposed ? ChinaTime.Format(visit.HoldExpiresAt) : string.Empty,
            CheckedInAt = Format(visit.CheckedInAt),
            StartedAt = Format(visit.StartedAt),
            EndedAt = Format(visit.EndedAt),
            OutcomeReasonCode = visit.OutcomeReasonCode ?? string.Empty,
            OutcomeReason = visit.OutcomeReason ?? string.Empty,
            PreferredPartOfDay = visit.PreferredPartOfDay,
            // From the slot it holds now, so a visit the centre moved says whether the move kept the wish.
            MatchesPreference = VisitBasis.PreferenceOf(visit.PreferredDates, visit.PreferredPartOfDay).IsMetBy(visit.Date, visit.Start),
        };
        view.PreferredDates.AddRange(visit.PreferredDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (visit.StartedAt is not null)
        {
            var call = VisitCall.Of(visit);
            var at = visit.EndedAt ?? now ?? visit.StartedAt.Value;
            view.MinutesUsed = visit.MinutesUsed ?? call.MinutesUsedAt(at);
            view.RemainingSeconds = visit.EndedAt is null ? (int)call.RemainingAt(at).TotalSeconds : 0;
            view.EndsAt = Format(call.EndsAt);
        }

        view.Interruptions.AddRange(interruptions.OrderBy(i => i.At).Select(i => new Interruption
        {
            Cause = i.Cause,
            At = ChinaTime.Format(i.At),
            ResumedAt = Format(i.ResumedAt),
            Note = i.Note ?? string.Empty,
        }));
        return view;
    }

    private static string Format(DateTimeOffset? at) => at is { } value ? ChinaTime.Format(value) : string.Empty;
}
