using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Notification.Data;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;

namespace Visitation.Notification;

/// <summary>Delivery state of an application's SMS, for operators and for the office that filed it.</summary>
public sealed class NotificationGrpcService(NotificationDbContext db) : NotificationService.NotificationServiceBase
{
    public override async Task<ListMessagesReply> ListMessages(ListMessagesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Operator, Roles.Clerk);
        var id = Ids.Parse(request.ApplicationId, "application_id");
        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == id, context.CancellationToken)
            ?? throw GrpcErrors.NotFound("申请", request.ApplicationId);
        if (caller.Role == Roles.Clerk)
        {
            caller.RequireOrganisation(recipient.OfficeId);
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.ApplicationId == id)
            .OrderBy(m => m.CreatedAt).ToListAsync(context.CancellationToken);
        var reply = new ListMessagesReply();
        reply.Messages.AddRange(messages.Select(m => new SmsView
        {
            MessageId = m.Id.ToString(),
            Kind = m.Kind,
            PhoneMasked = Mask.Phone(m.Phone),
            Text = m.Text,
            Status = m.Status.ToString(),
            CreatedAt = ChinaTime.Format(m.CreatedAt),
            SentAt = m.SentAt is { } sent ? ChinaTime.Format(sent) : string.Empty,
            Attempts = m.Attempts,
        }));
        return reply;
    }
}
