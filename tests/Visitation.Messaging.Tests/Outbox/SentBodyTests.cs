using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Outbox;

/// <summary>
/// A sent row of an event carrying personal data keeps no body (docs/data-minimisation.md): the
/// dispatcher clears it when it stamps the row sent, in the same transaction; a row still to be
/// published, or an event with no personal data, keeps its body.
/// </summary>
public sealed class SentBodyTests : DatabaseTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task AnEventCarryingPersonalDataLosesItsBodyOnceSentAndNotBefore()
    {
        var personal = await Database.CommitEventAsync(new ContactFiled(Phone), Now);
        var plain = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var transport = new RecordingTransport(Database) { Refuse = personal.MessageId };
        var dispatcher = Dispatchers.Create(new ManualClock(Now));

        await dispatcher.RoundAsync(Database, transport);
        Assert.Contains(Phone, await OutboxBodyAsync(personal.MessageId), StringComparison.Ordinal);

        transport.Refuse = null;
        await dispatcher.RoundAsync(Database, transport);

        Assert.Equal([personal.MessageId, plain.MessageId], transport.Published);
        Assert.Equal("{}", await OutboxBodyAsync(personal.MessageId));
        Assert.Contains("\"number\"", await OutboxBodyAsync(plain.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADelayedMessageCarryingPersonalDataLosesItsBodyOnceSent()
    {
        await using (var db = Database.NewContext())
        {
            db.ScheduledMessages.Add(ScheduledMessage.Create(new ContactFiled(Phone), "contacts", Now, Now));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);

        var sent = Assert.Single(transport.Sent);
        await using var check = Database.NewContext();
        var row = await check.ScheduledMessages.AsNoTracking().SingleAsync(m => m.MessageId == sent.MessageId, TestContext.Current.CancellationToken);
        Assert.NotNull(row.SentAt);
        Assert.Equal("{}", row.Body);
    }

    private async Task<string> OutboxBodyAsync(Guid messageId)
    {
        await using var db = Database.NewContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.MessageId == messageId).Select(m => m.Body).SingleAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>An event with a phone number in it, marked as the contracts mark theirs.</summary>
[CarriesPersonalData]
public sealed record ContactFiled(string Phone);

/// <summary>
/// The messaging library recognises the contracts' marker by its name (it references no contract
/// assembly), so a marker of the same name here stands for it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CarriesPersonalDataAttribute : Attribute;
