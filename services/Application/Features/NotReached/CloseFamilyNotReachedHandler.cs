using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Grpc;
using WireOutcome = Visitation.Contracts.Grpc.Application.ContactOutcome;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Application.Features.NotReached;

/// <summary>
/// The clerk closes an entry with what came of contacting the family and, optionally, a note for the
/// office's staff (never sent to the family). The first closing stands: closing a closed entry answers
/// with it unchanged and records nothing new. Another office's entry is answered as an unknown one.
/// </summary>
public sealed class CloseFamilyNotReachedHandler(ApplicationDbContext db, TimeProvider clock)
{
    public async Task<Contracts.Grpc.Application.FamilyNotReached> HandleAsync(CloseFamilyNotReachedRequest request, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = Ids.Parse(request.EntryId, "entry_id");
        var violations = new FieldViolations();
        if (!ProtoNames.TryMap<WireOutcome, Data.ContactOutcome>(request.Outcome, out var outcome))
        {
            violations.Add("outcome", "请选择联系结果");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > Data.FamilyNotReached.NoteLength)
        {
            violations.Add("note", $"不能超过{Data.FamilyNotReached.NoteLength}个字");
        }

        violations.ThrowIfAny();
        var entry = await db.FamiliesNotReached.SingleOrDefaultAsync(e => e.Id == id && caller.Organisations.Contains(e.OfficeId), ct)
            ?? throw GrpcErrors.NotFound("未联系上的家属记录", id.ToString());
        if (entry.Close(outcome, note, caller.UserId, clock.GetUtcNow()))
        {
            db.Audit(caller, AuditEvent.FamilyNotReachedClosed, entry.Audited(), outcome: NotReachedCodes.Of(outcome));
            await db.SaveChangesAsync(ct);
        }

        var inmateName = await db.Applications.Where(a => a.Id == entry.ApplicationId).Select(a => a.InmateName).SingleAsync(ct);
        return NotReachedViews.ToView(entry, inmateName);
    }
}
