using Visitation.Application.Data;

namespace Visitation.Application.Features.Timeline;

/// <summary>What an event adds to an application's timeline, and the status it moves it to.</summary>
/// <param name="Concerns">
/// Whether the event is about the application's current visit. Re-offers give an application a
/// new visit, and reports about the replaced one may arrive late: those only join the timeline.
/// </param>
/// <param name="MayRewind">
/// The status may move back (a new proposal after a cancelled or lapsed visit; a re-offer waiting
/// for its proposal), never out of a final state.
/// </param>
/// <param name="ReopensCancelled">
/// Whether the event is about a visit newer than one cancelled without an offer, which it then follows out of the
/// cancellation (a re-offer after a suspension's early end); null: it never does.
/// </param>
public sealed record TimelineStep(
    Guid ApplicationId,
    string Stage,
    string Event,
    DateTimeOffset At,
    string Actor,
    string? ReasonCode,
    string? Detail,
    ApplicationStatus? Status,
    Action<VisitApplication>? Apply = null,
    Func<VisitApplication, bool>? Concerns = null,
    bool MayRewind = false,
    Func<VisitApplication, bool>? ReopensCancelled = null);
