using Microsoft.Extensions.Options;

namespace Visitation.Notification.Features.Deliver.Providers;

public static class SmsProvidersRegistration
{
    /// <summary>The provider accounts, validated at start-up, and the directory that picks one per province.</summary>
    public static WebApplicationBuilder AddSmsProviders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsProvidersOptions>().Bind(builder.Configuration.GetSection(SmsProvidersOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SmsProvidersOptions>, SmsProvidersOptionsValidator>();
        // No client timeout of its own: the sending round cancels a call after SmsDelivery:ProviderTimeout.
        builder.Services.AddHttpClient(SmsProviderDirectory.HttpClientName);
        builder.Services.AddSingleton<SmsProviderDirectory>();
        return builder;
    }
}
