using Visitation.Messaging;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

public static class SmsDeliveryRegistration
{
    /// <summary>The providers, the sending loop, the receipts, and their settings (validated at start-up).</summary>
    public static WebApplicationBuilder AddSmsDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsDeliveryOptions>().Bind(builder.Configuration.GetSection(SmsDeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmsGatewayOptions>().Bind(builder.Configuration.GetSection(SmsGatewayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The accounts per province (docs/sms-providers.md); the development gateway while none is configured.
        builder.AddSmsProviders();
        builder.Services.AddSingleton<SmsQueueSignal>();
        builder.Services.AddSingleton<SendingRound>();
        builder.Services.AddSingleton<UnsettledAttempts>();
        builder.Services.AddSingleton<ProviderQuestions>();
        builder.Services.AddScoped<ReceiptBook>();
        builder.Services.AddHostedService<SmsDispatcher>();
        builder.AddPeriodicWork<ReceiptPolling>();
        return builder;
    }
}
