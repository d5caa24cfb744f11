using System.Globalization;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.NotReached;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// Real records of the own organisations (Yongji's office, bureau, prison and venue), made once for
/// the access tests through the chain's own APIs: an application up to its proposed visit, one only
/// submitted (to withdraw), an inmate with an officer's status, a closure of each side, and the
/// application's entry on the office's "family not reached" list (its SMS reported failed on the bus).
/// </summary>
public sealed record AccessRecords(
    string ApplicationId,
    string WithdrawableId,
    string InmateName,
    string InmateNumber,
    string SpareInmateNumber,
    string StatusId,
    string VisitId,
    string VisitMonth,
    string PrisonClosureId,
    string VenueClosureId,
    string Today,
    string ClosedDay,
    string NotReachedEntryId)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AccessRecords? _made;

    /// <summary>Every id of these records: none may show in a reply to another organisation.</summary>
    public IReadOnlyList<string> Ids => [ApplicationId, WithdrawableId, SpareInmateNumber, StatusId, VisitId, PrisonClosureId, VenueClosureId, NotReachedEntryId];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<AccessRecords> OfAsync(VisitationSystem system)
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync(system);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AccessRecords> MakeAsync(VisitationSystem system)
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var chain = new ChainDriver(system);
        var family = new Family(system.Clock);
        var inmate = "权限" + family.Phone[^4..];
        var (applicationId, proposal) = await chain.DriveToProposalAsync(family, inmate);
        var other = new Family(system.Clock);
        var withdrawable = await chain.SubmitAsync(other.Application("撤回" + other.Phone[^4..]));

        var spare = new Family(system.Clock);
        await chain.ImportInmateAsync(spare.InmateNumber, "名册" + spare.Phone[^4..], "3");
        var today = system.Clock.ChinaToday;
        var withStatus = await chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = spare.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.Other, From = Day(today), To = Day(today.AddDays(30)), Reason = "权限测试" },
        });

        // A day no other test books (visits are at most a few months ahead), so its closures move nobody.
        var closedDay = Day(today.AddDays(300));
        var venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));
        var prisonClosure = await chain.VisitCentre.CancelDayAsync(new CancelDayRequest { Date = closedDay, Cause = CancellationCause.Maintenance });
        var venueClosure = await venue.CancelDayAsync(new CancelDayRequest { Date = closedDay, Cause = CancellationCause.Maintenance });

        // The application's SMS recipient is notification's once it has the submission.
        await Eventually.Until(async () => await Rpcs.CallAsync(system, NotificationService.Descriptor.FindMethodByName("ListMessages"), VisitationSystem.Token(Roles.Clerk, Orgs.Office), new ListMessagesRequest { ApplicationId = applicationId }),
            outcome => outcome.Code == Grpc.Core.StatusCode.OK, "notification to know the application");

        var notReached = await NotReachedEntries.FailAnSmsAsync(system, applicationId, "Scheduled", Contracts.Events.SmsFailureReason.WrongNumber);

        return new AccessRecords(applicationId, withdrawable, inmate, family.InmateNumber, spare.InmateNumber, withStatus.Statuses.Single().StatusId, proposal.VisitId,
            proposal.Date[..7], prisonClosure.ClosureId, venueClosure.ClosureId, Day(today), closedDay, notReached.EntryId);
    }
}
