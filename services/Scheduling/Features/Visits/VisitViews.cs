using System.Globalization;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Grpc;
using Visitation.Workflow.Grpc;
using Visitation.ServiceDefaults.Grpc;
using VisitStatus = Visitation.Rules.Visits.VisitStatus;

namespace Visitation.Scheduling.Features.Visits;

/// <summary>A stored visit as the API shows it: its stable codes as enums, its instants as timestamps.</summary>
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
            Date = WireDates.Day(visit.Date),
            StartTime = WireDates.Time(visit.Start),
            Minutes = visit.Minutes,
            Status = ProtoNames.Map<VisitStatus, Contracts.Grpc.Scheduling.VisitStatus>(visit.Status),
            PrisonTerminal = visit.PrisonTerminal,
            VenueTerminal = visit.VenueTerminal,
            HoldExpiresAt = visit.Status == VisitStatus.Proposed ? Instants.Of(visit.HoldExpiresAt) : null,
            ProposedAt = Instants.Of(visit.CreatedAt),
            CheckedInAt = Instants.Of(visit.CheckedInAt),
            StartedAt = Instants.Of(visit.StartedAt),
            EndedAt = Instants.Of(visit.EndedAt),
            OutcomeReasonCode = visit.OutcomeReasonCode ?? string.Empty,
            OutcomeReason = visit.OutcomeReason ?? string.Empty,
            PreferredPartOfDay = ProtoCodes.FromCode<PartOfDay>(visit.PreferredPartOfDay),
            // From the slot it holds now, so a visit the centre moved says whether the move kept the wish.
            MatchesPreference = VisitBasis.PreferenceOf(visit.PreferredDates, visit.PreferredPartOfDay).IsMetBy(visit.Date, visit.Start),
        };
        view.PreferredDates.AddRange(visit.PreferredDates.Select(d => WireDates.Day(d)));
        view.Visitors.AddRange(visit.Visitors.Select(v => new Contracts.Grpc.Scheduling.BookedVisitor
        {
            Name = v.Name,
            IdNumberMasked = v.IdNumberMasked,
            Relation = ProtoCodes.FromCode<Relation>(v.Relation),
            Age = v.Age,
        }));
        if (visit.StartedAt is not null)
        {
            var call = visit.Call;
            var at = visit.EndedAt ?? now ?? visit.StartedAt.Value;
            view.MinutesUsed = visit.MinutesUsed ?? call.MinutesUsedAt(at);
            view.RemainingSeconds = visit.EndedAt is null ? (int)call.RemainingAt(at).TotalSeconds : 0;
            view.EndsAt = Instants.Of(call.EndsAt);
        }

        view.Interruptions.AddRange(interruptions.OrderBy(i => i.At).Select(i => new Interruption
        {
            Cause = ProtoCodes.FromCode<InterruptionCause>(i.Cause),
            At = Instants.Of(i.At),
            ResumedAt = Instants.Of(i.ResumedAt),
            Note = i.Note ?? string.Empty,
        }));
        return view;
    }
}
