using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

using Visitation.PrisonApproval.Features.MoveInmate;

namespace Visitation.PrisonApproval.Features.ImportInmates;

/// <summary>
/// Loads or updates inmates in the caller's prison register, keyed by the prison's own number. The
/// statuses the prison's system holds are replaced with each import; a new one that stops visits,
/// or a move into a suspended management level, reaches the applications and visits in flight.
/// </summary>
public sealed class ImportInmatesHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, InmateFacts facts, AffectedWork affected, TimeProvider clock)
{
    public async Task<ImportInmatesReply> HandleAsync(ImportInmatesRequest request, Caller caller, CancellationToken ct)
    {
        var records = InmateRecords.Validate(request, reference.Prison(caller.OrganisationId)?.Areas.Select(a => a.Id).ToHashSet() ?? []);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var register = await LockAndLoadAsync(caller.OrganisationId, [.. records.Select(r => r.Number)], ct);
        var reply = new ImportInmatesReply();
        var now = ChinaTime.Now(clock);
        var policy = reference.PolicyFor(caller.OrganisationId);
        var stops = new List<(Inmate Inmate, Stop Stop)>();
        foreach (var record in records)
        {
            var isNew = !register.TryGetValue(record.Number, out var inmate);
            if (inmate is null)
            {
                inmate = new Inmate { Id = Guid.CreateVersion7(), PrisonId = caller.OrganisationId, InmateNumber = record.Number };
                db.Inmates.Add(inmate);
                reply.Created++;
            }
            else
            {
                reply.Updated++;
            }

            db.Audit(caller, AuditEvent.RegisterImported, inmate.Audited(), outcome: isNew ? "created" : "updated");
            var fromArea = inmate.Area;
            stops.AddRange(RegisterUpdate.Apply(inmate, record, isNew, policy, caller.UserId, now, ChinaTime.Today(clock)).Select(stop => (inmate, stop)));
            if (!isNew)
            {
                AreaMoves.Announce(db, inmate, fromArea, caller.UserId, now, ChinaTime.Today(clock));
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (inmate, stop) in stops)
        {
            await affected.InmateChangedAsync(inmate, stop, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reply;
    }

    /// <summary>
    /// The inmates the import names that the register already has, under their locks: the same locks
    /// a decision takes, taken in one order so two imports cannot deadlock.
    /// </summary>
    private async Task<Dictionary<string, Inmate>> LockAndLoadAsync(string prisonId, List<string> numbers, CancellationToken ct)
    {
        foreach (var id in await db.Inmates.AsNoTracking()
                     .Where(i => i.PrisonId == prisonId && numbers.Contains(i.InmateNumber))
                     .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct))
        {
            await facts.LockAsync(id, ct);
        }

        return await db.Inmates.Include(i => i.Statuses)
            .Where(i => i.PrisonId == prisonId && numbers.Contains(i.InmateNumber))
            .ToDictionaryAsync(i => i.InmateNumber, ct);
    }
}
