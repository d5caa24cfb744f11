using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Notification;

namespace Visitation.Console.Pages.Admin.ReferenceData;

/// <summary>
/// The registered SMS templates as the notification service composes them (ListSmsTemplates): each
/// with the SMS its examples make, its variables' limits and its code at each provider — what an
/// operator checks against what the providers approved (docs/sms-providers.md).
/// </summary>
public sealed class SmsTemplatesModel(ServiceClients services) : ConsolePage
{
    public ListSmsTemplatesReply? Registry { get; private set; }

    public async Task OnGetAsync() =>
        await TryCallAsync(async ct =>
        {
            var notification = await services.NotificationAsync();
            Registry = await notification.ListSmsTemplatesAsync(new ListSmsTemplatesRequest(), cancellationToken: ct);
        });
}
