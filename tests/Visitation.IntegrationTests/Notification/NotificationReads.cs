using Visitation.Contracts.Grpc.Notification;

namespace Visitation.IntegrationTests.Notification;

/// <summary>What the notification tests read of a notification service run as a process of its own.</summary>
internal static class NotificationReads
{
    /// <summary>The application's SMS, none while the notification service has not yet heard of the application.</summary>
    public static async Task<IReadOnlyList<SmsView>> MessagesAsync(NotificationService.NotificationServiceClient notification, string applicationId)
    {
        try
        {
            return (await notification.ListMessagesAsync(new ListMessagesRequest { ApplicationId = applicationId })).Messages;
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return [];
        }
    }
}
