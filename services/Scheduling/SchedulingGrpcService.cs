using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Agenda;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Confirm;
using Visitation.Scheduling.Features.DayOf;
using Visitation.Scheduling.Features.Propose;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling;

/// <summary>
/// Visit centres confirm slots and run the call, county venues check families in and read their
/// agenda (as do their bureaus), both cancel visits and close days, anyone reads visit days.
/// </summary>
public sealed class SchedulingGrpcService(
    SchedulingDbContext db,
    SlotFinder slots,
    ConfirmVisitHandler confirm,
    CheckInHandler checkIn,
    CallHandler call,
    CancelHandler cancel,
    PrisonCalendars calendars,
    ReferenceDataSet reference,
    TimeProvider clock)
    : SchedulingService.SchedulingServiceBase
{
    private static readonly VisitStatus[] NotOnAgenda = [VisitStatus.Proposed, VisitStatus.Cancelled, VisitStatus.Expired];

    public override async Task<ListProposalsReply> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Officer);
        var page = request.Page.ToPage();
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.PrisonId == caller.OrganisationId && v.Status == VisitStatus.Proposed)
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Id)
            .Skip(page.Offset).Take(page.Size).ToListAsync(context.CancellationToken);
        var reply = new ListProposalsReply { NextPageToken = page.NextToken(visits.Count) };
        reply.Visits.AddRange(visits.Select(VisitViews.ToView));
        return reply;
    }

    public override async Task<ListFreeSlotsReply> ListFreeSlots(ListFreeSlotsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Officer);
        var id = Ids.Parse(request.VisitId, "visit_id");
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, context.CancellationToken)
            ?? throw GrpcErrors.NotFound("会见", request.VisitId);
        caller.RequireOrganisation(visit.PrisonId);
        var search = await slots.SearchForAsync(visit, new DateOnly(visit.Date.Year, visit.Date.Month, 1), context.CancellationToken);
        var free = await slots.FreeAsync(search, request.MaxResults is > 0 and <= 200 ? request.MaxResults : 20, context.CancellationToken);
        var reply = new ListFreeSlotsReply();
        reply.Slots.AddRange(free.Select(s => new FreeSlot
        {
            Date = s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        }));
        return reply;
    }

    public override Task<VisitView> ConfirmVisit(ConfirmVisitRequest request, ServerCallContext context) =>
        confirm.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override async Task<VisitView> GetVisit(GetVisitRequest request, ServerCallContext context)
    {
        var visit = await VisitLookup.FindAsync(db, request.VisitId, Caller.From(context), context.CancellationToken);
        return await VisitLookup.ViewAsync(db, visit, ChinaTime.Now(clock), context.CancellationToken);
    }

    public override Task<VisitView> CheckIn(CheckInRequest request, ServerCallContext context) =>
        checkIn.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> StartVisit(VisitActionRequest request, ServerCallContext context) =>
        call.StartAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> InterruptVisit(InterruptVisitRequest request, ServerCallContext context) =>
        call.InterruptAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> ResumeVisit(VisitActionRequest request, ServerCallContext context) =>
        call.ResumeAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> CompleteVisit(VisitActionRequest request, ServerCallContext context) =>
        call.CompleteAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<VisitView> TerminateVisit(TerminateVisitRequest request, ServerCallContext context) =>
        call.TerminateAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CancelReply> CancelVisit(CancelVisitRequest request, ServerCallContext context) =>
        cancel.CancelVisitAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CancelReply> CancelDay(CancelDayRequest request, ServerCallContext context) =>
        cancel.CancelDayAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ClosureView> ReopenClosure(ReopenClosureRequest request, ServerCallContext context) =>
        cancel.ReopenClosureAsync(request, Caller.From(context), context.CancellationToken);

    public override async Task<ListClosuresReply> ListClosures(ListClosuresRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Officer, Roles.VenueStaff);
        var (from, to) = ParseRange(request.DateFrom, request.DateTo);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => (caller.Role == Roles.Officer ? c.PrisonId : c.VenueId) == caller.OrganisationId && c.Date >= from && c.Date <= to)
            .OrderBy(c => c.Date).ThenBy(c => c.CreatedAt)
            .Select(c => new { Closure = c, Cancelled = db.Visits.Count(v => v.ClosureId == c.Id) })
            .ToListAsync(context.CancellationToken);
        var reply = new ListClosuresReply();
        reply.Closures.AddRange(closures.Select(x => ClosureViews.ToView(x.Closure, x.Cancelled)));
        return reply;
    }

    public override async Task<GetVenueAgendaReply> GetVenueAgenda(GetVenueAgendaRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.VenueStaff, Roles.Reviewer);
        var (from, to) = ParseRange(request.DateFrom, request.DateTo);
        // Venue staff see their venue; a county bureau's reviewers see every venue of the county [N§9].
        var venues = caller.Role == Roles.VenueStaff
            ? [caller.OrganisationId]
            : reference.Venues.Where(v => v.CountyId == caller.OrganisationId).Select(v => v.Id).ToList();
        var visits = await db.Visits.AsNoTracking()
            // Confirmed visits and how their day went; proposals, cancelled and expired ones are not the venue's business.
            .Where(v => venues.Contains(v.VenueId) && !NotOnAgenda.Contains(v.Status) && v.Date >= from && v.Date <= to)
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.VenueTerminal)
            .ToListAsync(context.CancellationToken);
        var reply = new GetVenueAgendaReply();
        reply.Visits.AddRange(visits.Select(VisitViews.ToView));
        return reply;
    }

    public override Task<ListVisitDaysReply> ListVisitDays(ListVisitDaysRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var area = calendars.Area(request.PrisonId, request.PrisonArea);
        if (area is null)
        {
            violations.Add("prison_area", "未知的监狱或监区");
        }

        var month = violations.Month("month", request.Month);
        violations.ThrowIfAny();
        var reply = new ListVisitDaysReply { HolidaysPublished = calendars.HolidaysPublished(month!.Value.Year) };
        foreach (var day in calendars.VideoDays(area!, month!.Value.Year, month.Value.Month))
        {
            var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (day.Open)
            {
                reply.VideoDays.Add(date);
            }
            else
            {
                reply.Excluded.Add(new ExcludedDay { Date = date, Reason = day.ExcludedReason ?? string.Empty });
            }
        }

        if (calendars.OnSiteDay(request.PrisonId, request.PrisonArea, month.Value.Year, month.Value.Month) is { } onSite)
        {
            reply.OnsiteDays.Add(onSite.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Task.FromResult(reply);
    }

    private static (DateOnly From, DateOnly To) ParseRange(string dateFrom, string dateTo)
    {
        var violations = new FieldViolations();
        var from = violations.Date("date_from", dateFrom);
        var to = violations.Date("date_to", dateTo);
        if (from is not null && to is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > 92))
        {
            violations.Add("date_to", "日期范围应在92天以内且不早于开始日期");
        }

        violations.ThrowIfAny();
        return (from!.Value, to!.Value);
    }
}
