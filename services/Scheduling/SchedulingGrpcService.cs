using Grpc.Core;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Features.CancelDay;
using Visitation.Scheduling.Features.CancelVisit;
using Visitation.Scheduling.Features.CheckIn;
using Visitation.Scheduling.Features.CompleteVisit;
using Visitation.Scheduling.Features.ConfirmVisit;
using Visitation.Scheduling.Features.GetVenueAgenda;
using Visitation.Scheduling.Features.GetVisit;
using Visitation.Scheduling.Features.InterruptVisit;
using Visitation.Scheduling.Features.ListAffectedVisits;
using Visitation.Scheduling.Features.ListClosures;
using Visitation.Scheduling.Features.ListFreeSlots;
using Visitation.Scheduling.Features.ListProposals;
using Visitation.Scheduling.Features.ListVisitDays;
using Visitation.Scheduling.Features.ReopenClosure;
using Visitation.Scheduling.Features.ResumeVisit;
using Visitation.Scheduling.Features.StartVisit;
using Visitation.Scheduling.Features.TerminateVisit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Scheduling;

/// <summary>
/// The routing table of the scheduling API: each call goes to its use case's handler in
/// <c>Features/&lt;UseCase&gt;/</c>, which checks the caller and does the work. Visit centres confirm
/// slots and run the call, county venues check families in and read their agenda (as do their
/// bureaus), both cancel visits and close days, anyone reads visit days.
/// </summary>
public sealed class SchedulingGrpcService : SchedulingService.SchedulingServiceBase
{
    public override Task<ListProposalsReply> ListProposals(ListProposalsRequest request, ServerCallContext context) =>
        Use<ListProposalsHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListFreeSlotsReply> ListFreeSlots(ListFreeSlotsRequest request, ServerCallContext context) =>
        Use<ListFreeSlotsHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> ConfirmVisit(ConfirmVisitRequest request, ServerCallContext context) =>
        Use<ConfirmVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<GetVenueAgendaReply> GetVenueAgenda(GetVenueAgendaRequest request, ServerCallContext context) =>
        Use<GetVenueAgendaHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListVisitDaysReply> ListVisitDays(ListVisitDaysRequest request, ServerCallContext context) =>
        Task.FromResult(Use<ListVisitDaysHandler>(context).Handle(request));

    public override Task<VisitView> GetVisit(GetVisitRequest request, ServerCallContext context) =>
        Use<GetVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> CheckIn(CheckInRequest request, ServerCallContext context) =>
        Use<CheckInHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> StartVisit(VisitActionRequest request, ServerCallContext context) =>
        Use<StartVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> InterruptVisit(InterruptVisitRequest request, ServerCallContext context) =>
        Use<InterruptVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> ResumeVisit(VisitActionRequest request, ServerCallContext context) =>
        Use<ResumeVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> CompleteVisit(VisitActionRequest request, ServerCallContext context) =>
        Use<CompleteVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> TerminateVisit(TerminateVisitRequest request, ServerCallContext context) =>
        Use<TerminateVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CancelReply> CancelVisit(CancelVisitRequest request, ServerCallContext context) =>
        Use<CancelVisitHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CancelReply> CancelDay(CancelDayRequest request, ServerCallContext context) =>
        Use<CancelDayHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListClosuresReply> ListClosures(ListClosuresRequest request, ServerCallContext context) =>
        Use<ListClosuresHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ClosureView> ReopenClosure(ReopenClosureRequest request, ServerCallContext context) =>
        Use<ReopenClosureHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListAffectedVisitsReply> ListAffectedVisits(ListAffectedVisitsRequest request, ServerCallContext context) =>
        Use<ListAffectedVisitsHandler>(context).HandleAsync(request, Caller.From(context), context.CancellationToken);

    // The handler from the call's own scope (its DbContext is the call's), rather than 16 constructor dependencies.
    private static THandler Use<THandler>(ServerCallContext context) where THandler : notnull =>
        context.GetHttpContext().RequestServices.GetRequiredService<THandler>();
}
