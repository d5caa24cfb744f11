using Grpc.Core;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// One application of the office: what was applied for (numbers masked), where it stands, its whole
/// timeline across the chain, and every SMS sent to the family about it — by kind, time, delivery
/// state and masked phone, never the text (the notification service keeps that for its operators).
/// </summary>
public sealed class DetailsModel(ServiceClients services, ReferenceDataSet reference) : OneApplicationPage(services, reference)
{
    public IReadOnlyList<SmsView> Messages { get; private set; } = [];

    public async Task OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return;
        }

        try
        {
            var notification = await Services.NotificationAsync();
            Messages = (await notification.ListMessagesAsync(new ListMessagesRequest { ApplicationId = id }, cancellationToken: HttpContext.RequestAborted)).Messages;
        }
        catch (RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // The notification service has not heard of the application yet (events travel): no SMS so far.
        }
        catch (RpcException error)
        {
            Errors.Show(error);
        }
    }
}
