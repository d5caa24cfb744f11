using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.Messaging.FaultInjection;
using Visitation.ServiceDefaults.Auth;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Notification;

/// <summary>
/// The notification service run as a process of its own with settings the shared system does not
/// have: a crash point between the provider's answer and its record, the production per-number limit,
/// and a clock inside quiet hours. Each proves the family gets every SMS once, and none dropped.
/// </summary>
public sealed class SmsDeliveryFaultTests(VisitationSystem system) : FaultTest(system)
{
    private static readonly string ClerkToken = VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li");

    [Fact]
    public async Task AProviderAnswerLostToACrashIsSettledByAskingTheProviderAndTheFamilySeesOneSms()
    {
        var family = NewFamilies(1)[0];
        var chain = new ChainDriver(Services);
        await Services.StopAsync("notification");
        try
        {
            string id;
            await using (var dying = await ServiceProcess.StartHealthyAsync("Notification", ProcessSettings("notification",
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillAfterProviderAnswers)}", "1"),
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.Recipient)}", family.Phone))))
            {
                id = await SubmitAsync(chain, family);
                Assert.Equal(ServiceProcess.KilledBySigkill, await dying.ExitCodeAsync("its crash point after the gateway's first answer"));
            }

            // The window: the gateway has the SMS, and the service's record says only that it was being sent.
            Assert.Single(await Services.SmsTo(family.Phone));
            Assert.Equal(("Sending", "Unknown"), await StatusAndAttemptAsync(id));

            await using (var restarted = await ServiceProcess.StartHealthyAsync("Notification", Services.SettingsOf("notification")))
            {
                var notification = new NotificationService.NotificationServiceClient(restarted.Channel(ClerkToken));
                var received = await Eventually.Until(() => NotificationReads.MessagesAsync(notification, id),
                    sms => sms.Count == 1 && sms[0].Status == SmsDeliveryState.Delivered, "the unsettled attempt to be settled by asking the gateway, and found delivered", seconds: 60);
                Assert.Equal(1, received[0].Attempts);
                // Waited for while the process runs: its outbox publishes the receipt's event.
                var application = await chain.WaitForTimelineStepAsync(id, TimelineEvent.SmsDelivered);
                Assert.Equal(1, application.Timeline.Count(t => t.Event == TimelineEvent.SmsSent));
            }

            Assert.Single(await Services.SmsTo(family.Phone));
            Assert.Equal(0, Services.GatewayDuplicatesTo([family]));
        }
        finally
        {
            Services.StartInstances("notification");
        }
    }

    [Fact]
    public async Task ASecondSmsToANumberWithinTheMinuteIsHeldUntilTheMinuteHasPassedAndThenSent()
    {
        var family = NewFamilies(1)[0];
        var chain = new ChainDriver(Services);
        var oneAMinute = ("SmsDelivery:PerNumberPerMinute", "1");
        await Services.StopAsync("notification");
        try
        {
            string id;
            DateTimeOffset heldUntil;
            await using (var notificationProcess = await ServiceProcess.StartHealthyAsync("Notification", ProcessSettings("notification", oneAMinute)))
            {
                var notification = new NotificationService.NotificationServiceClient(notificationProcess.Channel(ClerkToken));
                id = await SubmitAsync(chain, family);
                await Eventually.Until(() => Services.SmsTo(family.Phone), sms => sms.Count == 1, "the receipt SMS");
                await RejectAtTheBureauAsync(chain, id);

                var held = await Eventually.Until(() => NotificationReads.MessagesAsync(notification, id),
                    sms => sms.Count == 2 && sms[1].Status == SmsDeliveryState.Queued && sms[1].NextAttemptAt?.ToDateTimeOffset() > sms[1].CreatedAt.ToDateTimeOffset(),
                    "the refusal's SMS to be held by the number's limit");
                var first = held[0];
                heldUntil = held[1].NextAttemptAt.ToDateTimeOffset();
                Assert.Equal(0, held[1].Attempts);
                // A minute after the first attempt began, which is before the provider's answer stamped it sent
                // (by the call's length: a loaded machine may take seconds).
                Assert.InRange(heldUntil, first.SentAt.ToDateTimeOffset().AddSeconds(50), first.SentAt.ToDateTimeOffset().AddSeconds(60));
                Assert.Single(await Services.SmsTo(family.Phone));
            }

            // The service again, its clock a minute on (rather than the test waiting the minute out): the
            // held SMS is due, and goes out — deferred, never dropped.
            var aMinuteOn = ProcessSettings("notification", oneAMinute);
            foreach (var (key, value) in Services.Clock.TrainingClockSettings(ahead: TimeSpan.FromSeconds(61)))
            {
                aMinuteOn[key] = value;
            }

            await using (var restarted = await ServiceProcess.StartHealthyAsync("Notification", aMinuteOn))
            {
                var notification = new NotificationService.NotificationServiceClient(restarted.Channel(ClerkToken));
                var sent = await Eventually.Until(() => NotificationReads.MessagesAsync(notification, id),
                    sms => sms[1].SentAt is not null, "the held SMS to go out once the minute has passed");
                Assert.True(sent[1].SentAt.ToDateTimeOffset() >= heldUntil);
                Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
            }
        }
        finally
        {
            Services.StartInstances("notification");
        }
    }

    [Fact]
    public async Task AReceiptSmsQueuedAtNightWaitsForEightOClockChinaTime()
    {
        var family = NewFamilies(1)[0];
        var chain = new ChainDriver(Services);
        var night = TestDates.At(TestDates.ApplicationDay.Year, TestDates.ApplicationDay.Month, TestDates.ApplicationDay.Day, 22, 30);
        Services.Clock.StartAt(night); // the whole system at night: the notification process takes it as its training clock
        await Services.StopAsync("notification");
        try
        {
            await using var notificationProcess = await ServiceProcess.StartHealthyAsync("Notification", ProcessSettings("notification"));
            var notification = new NotificationService.NotificationServiceClient(notificationProcess.Channel(ClerkToken));
            var id = await SubmitAsync(chain, family);

            var held = await Eventually.Until(() => NotificationReads.MessagesAsync(notification, id),
                sms => sms.Count == 1 && sms[0].NextAttemptAt?.ToDateTimeOffset() > sms[0].CreatedAt.ToDateTimeOffset(),
                "the receipt SMS to be held for the morning");
            Assert.Equal(SmsDeliveryState.Queued, held[0].Status);
            Assert.Equal(TestDates.At(night.Year, night.Month, night.Day, 8, 0).AddDays(1), held[0].NextAttemptAt.ToDateTimeOffset());
            Assert.Empty(await Services.SmsTo(family.Phone));
        }
        finally
        {
            Services.StartInstances("notification");
        }
    }

    private static async Task<string> SubmitAsync(ChainDriver chain, Family family)
    {
        var inmate = "短信" + family.Phone[^4..];
        await chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        return await chain.SubmitAsync(family.Application(inmate));
    }

    private async Task<(string Status, string Outcome)> StatusAndAttemptAsync(string applicationId)
    {
        await using var connection = new NpgsqlConnection(Services.Databases["notification"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT m.status, a.outcome FROM sms_messages m JOIN sms_attempts a ON a.message_id = m.id WHERE m.application_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(applicationId));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no SMS row with an attempt for the application");
        return (reader.GetString(0), reader.GetString(1));
    }
}
