using Visitation.Rules.Visits;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Timers;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Timers;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Recheck;

/// <summary>
/// Calendars, holidays, terminals and opening hours are reference data, changed by deploying new
/// files. When the service starts, every open visit from today on is checked against the data it now
/// runs with; one that no longer fits (its day removed, a holiday added, a terminal gone, hours
/// shortened) is cancelled and re-offered, so nothing booked is left on a day that no longer exists.
/// One instance does it (an advisory lock); the others find the lock taken and skip.
/// </summary>
internal sealed partial class BookedVisitsRecheck(IServiceProvider services, ILogger<BookedVisitsRecheck> logger) : BackgroundService
{
    public const string ReasonCode = ScheduleChangeCodes.ScheduleChanged;
    private const long LockKey = 0x5245_4348_4543_4B; // any constant: only scheduling's database holds it

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A timer or a call may change one of the visits while the re-check cancels them (e.g. hold
        // lapses that fell due during the downtime fire now); losing that race rolls the whole
        // re-check back, so it starts again from a fresh read, a few times.
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var cancelled = await RecheckAsync(stoppingToken);
                if (cancelled > 0)
                {
                    LogCancelled(logger, cancelled);
                }

                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && attempt < MaxAttempts && IsLostRace(ex))
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Never stop the service for it: the next start checks again.
                LogFailed(logger, ex);
                return;
            }
        }
    }

    private const int MaxAttempts = 5;

    private static bool IsLostRace(Exception exception) =>
        exception is DbUpdateConcurrencyException
        || exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected }
        || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected };

    private async Task<int> RecheckAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var reference = scope.ServiceProvider.GetRequiredService<ReferenceDataSet>();
        var calendars = scope.ServiceProvider.GetRequiredService<PrisonCalendars>();
        var cancellation = scope.ServiceProvider.GetRequiredService<VisitCancellation>();
        var slots = scope.ServiceProvider.GetRequiredService<SlotFinder>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct))
        {
            return 0;
        }

        var timed = await TimeUntimedHoldsAsync(db, clock, ct);
        if (timed > 0)
        {
            LogHoldsTimed(logger, timed);
        }

        var today = ChinaTime.Today(clock);
        var open = await db.Visits.Where(v => v.Date >= today && VisitStatuses.Open.Contains(v.Status)).OrderBy(v => v.Date).ThenBy(v => v.Start).ToListAsync(ct);
        var misfits = open.Select(v => (Visit: v, Problem: Check(v, reference, calendars))).Where(x => x.Problem != BookingProblem.None).ToList();
        if (misfits.Count == 0)
        {
            await transaction.CommitAsync(ct); // the hold timers just added
            return 0;
        }

        // Every prison before every venue, as each allocation orders its locks.
        await slots.LockAsync(misfits.Select(m => m.Visit.PrisonId), misfits.Select(m => m.Visit.VenueId), ct);
        var now = ChinaTime.Now(clock);
        foreach (var (visit, problem) in misfits)
        {
            db.AuditSystem(AuditEvent.VisitCancelled, "visit", visit.Id.ToString(), ReasonCode);
            await cancellation.CancelAsync(visit, new VisitOutcome(ReasonCode, Reason(problem), "system"), reoffer: true, avoidItsSlot: false, closureId: null, now, ct);
        }

        await transaction.CommitAsync(ct);
        return misfits.Count;
    }

    /// <summary>
    /// Proposals made before hold timers existed have none, so their hold would never lapse and their
    /// slot stay taken for ever. Each gets its timer now; one whose hold is already over falls due at
    /// once and expires it the ordinary way (re-proposed). A proposal that has any hold timer row is
    /// left alone: the consumer sets the next one itself while the hold lasts.
    /// </summary>
    private static async Task<int> TimeUntimedHoldsAsync(SchedulingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var type = typeof(HoldLapseDue).FullName!;
        var untimed = await db.Database.SqlQuery<Guid>($"""
            SELECT v.id AS "Value" FROM visits v
            WHERE v.status = 'Proposed'
              AND NOT EXISTS (SELECT 1 FROM scheduled_messages m WHERE m.message_type = {type} AND m.body->>'visitId' = v.id::text)
            """).ToListAsync(ct);
        if (untimed.Count == 0)
        {
            return 0;
        }

        var now = ChinaTime.Now(clock);
        var visits = await db.Visits.AsNoTracking().Where(v => untimed.Contains(v.Id)).ToListAsync(ct);
        visits.ForEach(v => VisitTimers.HoldLapse(db, v, now));
        await db.SaveChangesAsync(ct);
        return visits.Count;
    }

    private static BookingProblem Check(Visit visit, ReferenceDataSet reference, PrisonCalendars calendars)
    {
        var prison = reference.Prison(visit.PrisonId);
        var venue = reference.Venue(visit.VenueId);
        var area = calendars.Area(visit.PrisonId, visit.PrisonArea);
        if (prison is null || venue is null || area is null)
        {
            return BookingProblem.NotAVisitDay;
        }

        var openDays = calendars.VideoDays(area, visit.Date.Year, visit.Date.Month).Where(d => d.Open).Select(d => d.Date).ToList();
        return BookingCheck.Check(visit.Date, visit.Start, visit.Minutes, visit.PrisonTerminal, visit.VenueTerminal, openDays,
            OpeningHours.Intersect(prison.OpeningHours, venue.OpeningHours), prison.Terminals, venue.Terminals);
    }

    private static string Reason(BookingProblem problem) => problem switch
    {
        BookingProblem.NotAVisitDay => "会见日安排调整",
        BookingProblem.TerminalRemoved => "会见终端调整",
        _ => "会见时段调整",
    };

    [LoggerMessage(4001, LogLevel.Warning, "{Count} booked visits no longer fit the calendars or capacity; cancelled and re-offered")]
    private static partial void LogCancelled(ILogger logger, int count);

    [LoggerMessage(4003, LogLevel.Information, "{Count} proposals made before hold timers existed got their hold timer")]
    private static partial void LogHoldsTimed(ILogger logger, int count);

    [LoggerMessage(4002, LogLevel.Error, "Re-checking booked visits against the reference data failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
