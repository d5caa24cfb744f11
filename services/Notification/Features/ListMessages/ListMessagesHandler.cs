using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Notification.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Notification.Features.ListMessages;

/// <summary>Every SMS about one application, oldest first: for operators, the office that filed it, and the prison it asks to visit.</summary>
public sealed class ListMessagesHandler(NotificationDbContext db)
{
    public async Task<ListMessagesReply> HandleAsync(ListMessagesRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.ApplicationId, "application_id");
        // An application of an office outside the caller's reach is answered exactly as an unknown one.
        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == id && (caller.Organisations.Contains(r.OfficeId) || caller.Organisations.Contains(r.PrisonId)), ct)
            ?? throw GrpcErrors.NotFound("申请", request.ApplicationId);

        var messages = await db.Messages.AsNoTracking().Where(m => m.ApplicationId == id)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.MessagesListed, new AuditedRecord("application", id.ToString(), recipient.OfficeId), AuditPurposes.MessageFollowUp, ct, outcome: $"rows:{messages.Count}");
        var reply = new ListMessagesReply();
        reply.Messages.AddRange(messages.Select(SmsViews.ToView));
        return reply;
    }
}
