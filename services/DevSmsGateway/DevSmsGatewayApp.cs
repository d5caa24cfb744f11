using System.Text;

namespace Visitation.DevSmsGateway;

public static class DevSmsGatewayApp
{
    /// <summary>
    /// POST /sms {messageId, phone, text} → {gatewayId}; GET /sms (JSON, optional ?phone=);
    /// GET /sms/{messageId} (the one message, 404 if never received: how the notification service
    /// reconciles an attempt whose outcome it never learnt); GET / (plain text, newest last). Everything is also appended to the store file.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The request log names the URL, and GET /sms?phone= carries a phone number: a gateway's log holds
        // no personal data (docs/telemetry-privacy.md), so requests are logged only when they fail.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var storePath = Path.GetFullPath(builder.Configuration["SmsGateway:StorePath"] ?? Path.Combine(".local", "sms", "messages.jsonl"));
        Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
        builder.Services.AddSingleton(new SmsInbox(storePath));
        var app = builder.Build();
        app.MapPost("/sms", (SmsRequest request, SmsInbox inbox) =>
        {
            if (request.MessageId == Guid.Empty || string.IsNullOrWhiteSpace(request.Phone) || string.IsNullOrWhiteSpace(request.Text))
            {
                return Results.BadRequest(new { error = "messageId, phone and text are required" });
            }

            var sms = inbox.Receive(request, DateTimeOffset.Now);
            return Results.Ok(new { gatewayId = sms.GatewayId });
        });
        app.MapGet("/sms", (string? phone, SmsInbox inbox) =>
            Results.Ok(inbox.All().Where(m => phone is null || m.Phone == phone)));
        app.MapGet("/sms/{messageId:guid}", (Guid messageId, SmsInbox inbox) =>
            inbox.Find(messageId) is { } sms ? Results.Ok(sms) : Results.NotFound());
        app.MapGet("/", (SmsInbox inbox) =>
        {
            var text = new StringBuilder($"Development SMS gateway — {inbox.All().Count} message(s), stored in {inbox.StorePath}\n\n");
            foreach (var m in inbox.All())
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{m.ReceivedAt:yyyy-MM-dd HH:mm:ss}] to {m.Phone}: {m.Text}\n");
            }

            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        });
        return app;
    }
}
