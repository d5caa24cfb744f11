using System.Net;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.ServiceDefaults.Auth;
using Visitation.Testing.Processes;
using Visitation.Testing.SmsProviders;

namespace Visitation.IntegrationTests.Notification;

/// <summary>
/// The notification service as a process of its own, sending through an Alibaba Cloud account (the
/// fake provider, a real HTTP server checking the signature) with its receipts pushed by the provider
/// to the service's callback route over HTTP/1.1: the whole way of a receipt, from the provider's push
/// to the application's timeline, with the token that guards it.
/// </summary>
public sealed class SmsReceiptCallbackTests(VisitationSystem system) : FaultTest(system)
{
    private const string Account = "aliyun-callback-test";
    private const string Token = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static readonly string ClerkToken = VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li");

    [Fact]
    public async Task AReceiptPushedByTheProviderMarksTheSmsDeliveredOnceAndAWrongTokenOrBodyIsRefused()
    {
        var family = NewFamilies(1)[0];
        var chain = new ChainDriver(Services);
        await using var aliyun = new FakeAliyunSms("LTAI-callback-key", "aliyun-callback-secret", "远程视频会见", Services.Clock);
        await aliyun.StartAsync();
        var receiptsPort = ServiceProcess.FreePort();
        await Services.StopAsync("notification");
        try
        {
            await using var notificationProcess = await StartWithAliyunAsync(aliyun, receiptsPort);
            var notification = new NotificationService.NotificationServiceClient(notificationProcess.Channel(ClerkToken));
            var inmate = "回执" + family.Phone[^4..];
            await chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
            var id = await chain.SubmitAsync(family.Application(inmate));

            var accepted = await Eventually.Until(() => Task.FromResult(aliyun.Accepted.Where(s => s.Phone == family.Phone).ToList()),
                sms => sms.Count == 1, "the receipt SMS to reach the Alibaba account");
            await Eventually.Until(() => NotificationReads.MessagesAsync(notification, id), sms => sms.Count == 1 && sms[0].Status == SmsDeliveryState.Submitted,
                "the SMS to be recorded as taken by the provider");
            aliyun.Deliver(Guid.Parse(accepted[0].OurId!), delivered: true);
            using var http = new HttpClient();
            var callback = new Uri($"http://127.0.0.1:{receiptsPort}/sms/receipts/{Account}?token={Token}");

            using (var wrongToken = await aliyun.PostReceiptsAsync(new Uri($"http://127.0.0.1:{receiptsPort}/sms/receipts/{Account}?token=0000"), http))
            {
                Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
            }

            using (var notTheFormat = await http.PostAsync(callback, new StringContent("""{"not":"a receipt"}""")))
            {
                Assert.Equal(HttpStatusCode.BadRequest, notTheFormat.StatusCode);
            }

            Assert.Equal(SmsDeliveryState.Submitted, (await NotificationReads.MessagesAsync(notification, id))[0].Status);

            using (var pushed = await aliyun.PostReceiptsAsync(callback, http))
            {
                Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
                Assert.Equal("""{"code":0,"msg":"成功"}""", await pushed.Content.ReadAsStringAsync());
            }

            var delivered = await NotificationReads.MessagesAsync(notification, id);
            Assert.Equal(SmsDeliveryState.Delivered, delivered[0].Status);

            // The provider pushes again when it missed our answer: acknowledged, and nothing moves twice.
            using (var again = await aliyun.PostReceiptsAsync(callback, http))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            var application = await chain.WaitForTimelineStepAsync(id, TimelineEvent.SmsDelivered);
            Assert.Single(application.Timeline, t => t.Event == TimelineEvent.SmsDelivered);
            Assert.Single(aliyun.Accepted, s => s.Phone == family.Phone);
        }
        finally
        {
            Services.StartInstances("notification");
        }
    }

    /// <summary>
    /// The service with the Alibaba account serving every province, its gRPC endpoint and an HTTP/1.1
    /// endpoint for the callback; receipts are not asked for within the test, so only the push can settle one.
    /// </summary>
    private async Task<ServiceProcess> StartWithAliyunAsync(FakeAliyunSms aliyun, int receiptsPort)
    {
        var grpcPort = ServiceProcess.FreePort();
        var prefix = $"SmsProviders:Accounts:{Account}";
        var service = ServiceProcess.Start("Notification", grpcPort, http2Only: false, logFile: null, ProcessSettings("notification",
            ("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{grpcPort}"),
            ("Kestrel:Endpoints:Grpc:Protocols", "Http2"),
            ("Kestrel:Endpoints:Receipts:Url", $"http://127.0.0.1:{receiptsPort}"),
            ("Kestrel:Endpoints:Receipts:Protocols", "Http1"),
            ($"{prefix}:Provider", "Aliyun"),
            ($"{prefix}:Endpoint", aliyun.BaseAddress.ToString()),
            ($"{prefix}:KeyId", "LTAI-callback-key"),
            ($"{prefix}:KeySecret", "aliyun-callback-secret"),
            ($"{prefix}:SignName", "远程视频会见"),
            ($"{prefix}:CallbackToken", Token),
            ("SmsProviders:Default", Account),
            ("SmsDelivery:ReceiptWait", "01:00:00"),
            ("SmsDelivery:QuietFrom", "00:00"),
            ("SmsDelivery:QuietUntil", "00:00")));
        await service.WaitHealthyAsync(http2: true);
        return service;
    }
}
