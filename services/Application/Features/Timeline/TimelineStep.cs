using Visitation.Application.Data;

namespace Visitation.Application.Features.Timeline;

/// <summary>What an event adds to an application's timeline, and the status it moves it to.</summary>
public sealed record TimelineStep(
    Guid ApplicationId,
    string Stage,
    string Event,
    DateTimeOffset At,
    string Actor,
    string? ReasonCode,
    string? Detail,
    ApplicationStatus? Status,
    Action<VisitApplication>? Apply = null);
