using Grpc.Core;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Notification.Features.ListMessages;
using Visitation.Notification.Features.ListSmsTemplates;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Notification;

/// <summary>Delivery state of an application's SMS, a routing table: each call is one use case under <c>Features/</c>.</summary>
public sealed class NotificationGrpcService(ListMessagesHandler listMessages) : NotificationService.NotificationServiceBase
{
    public override Task<ListMessagesReply> ListMessages(ListMessagesRequest request, ServerCallContext context) =>
        listMessages.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListSmsTemplatesReply> ListSmsTemplates(ListSmsTemplatesRequest request, ServerCallContext context) =>
        Task.FromResult(ListSmsTemplatesHandler.Handle());
}
