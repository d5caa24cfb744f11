using Microsoft.AspNetCore.Http.Features;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.ReceiveReceipts;

/// <summary>
/// <c>POST /sms/receipts/{account}?token=…</c>: where a provider account posts its delivery receipts
/// (Alibaba's HTTP push, Tencent's status callback), over the service's HTTP/1.1 endpoint. The providers
/// sign neither, so the account's callback token in the URL is the credential; an unknown account, a
/// missing or wrong token and an account whose provider makes no callback are all answered 404, alike,
/// so the endpoint tells a stranger nothing. A body not in the provider's format is a 400 (the provider
/// logs it); the receipts of a good one are applied (<see cref="ReceiptBook"/>) before the provider's
/// acknowledgement, so a crash before the answer means the provider pushes again, and a receipt applied
/// twice changes nothing.
/// </summary>
public static partial class ReceiptCallbackEndpoint
{
    public const string Route = "/sms/receipts/{account}";

    /// <summary>Providers batch receipts (Alibaba up to a few hundred per push); far above that is not a receipt.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSmsReceiptCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        string account, string? token, HttpContext http, SmsProviderDirectory providers, ReceiptBook receipts, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ReceiptCallbackEndpoint));
        if (providers.Callback(account, token) is not { } callback)
        {
            LogRefused(logger, account);
            return Results.NotFound();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        IReadOnlyList<DeliveryReport> reports;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            reports = callback.ParseCallback(await reader.ReadToEndAsync(ct));
        }
        catch (FormatException)
        {
            LogUnreadable(logger, account);
            return Results.BadRequest();
        }
        catch (BadHttpRequestException)
        {
            LogUnreadable(logger, account); // over the size limit
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var matched = await receipts.ApplyAsync(reports, ct);
        LogReceived(logger, account, reports.Count, matched);
        return Results.Content(callback.Acknowledgement, "application/json");
    }

    [LoggerMessage(3040, LogLevel.Warning, "A receipt callback for account {Account} was refused: unknown account, no callback, or a wrong token")]
    private static partial void LogRefused(ILogger logger, string account);

    [LoggerMessage(3041, LogLevel.Warning, "A receipt callback for account {Account} was not in the provider's format, or too large")]
    private static partial void LogUnreadable(ILogger logger, string account);

    [LoggerMessage(3042, LogLevel.Information, "Receipt callback for account {Account}: {Count} receipts, {Matched} matched an attempt of ours")]
    private static partial void LogReceived(ILogger logger, string account, int count, int matched);
}
