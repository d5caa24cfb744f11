using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The month-without-days check counts the one-visit-a-day limit (issue 14): a month whose only remaining video day
/// already holds this inmate's booked visit has no day for another, and is refused when asked for, naming the next
/// month — not approved and then ended in "no slot". A day held by a proposal the visit centre has not confirmed yet
/// counts as one held by a confirmed visit, as in scheduling's slot finder.
/// </summary>
public sealed class BookedDayMonthTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ALenientInmatesSecondVisitIsRefusedWhenTheMonthsOnlyDayLeftHoldsItsFirstAndTheNextMonthIsNamed()
    {
        // Wednesday 8 July 2026 with ten days' notice: the earliest day is the 18th, and area 1 meets on the 1st, 11th
        // and 21st, so its July has one day left. The lenient level has two visits a month [Y 三1].
        system.Clock.StartAt(TestDates.At(2026, 7, 8, 9, 0));
        var family = new Family(system.Clock);
        var inmate = "一日一次" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "1", ManagementLevel.Lenient);
        var clerk = system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, $"clerk-day-limit-{Guid.NewGuid():N}"));
        var first = InJuly(family.Application(inmate, area: "1"));
        var second = InJuly(family.Application(inmate, area: "1"));

        var before = await clerk.CheckEligibilityAsync(CounterQuestions.For(second, family.InmateNumber));
        var firstId = await _chain.DriveToPrisonTaskAsync(first);
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = firstId })).Approved);
        var proposal = await _chain.WaitForProposalAsync(firstId);
        var booked = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await Eventually.Until(() => _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = "2026-07" }).ResponseAsync,
            view => view.QuotaEntries.Any(e => e.ApplicationId == firstId && e.Date == booked.Date), "the booked day in the prison's ledger");

        var after = await clerk.CheckEligibilityAsync(CounterQuestions.For(second, family.InmateNumber));
        var secondId = await _chain.DriveToPrisonTaskAsync(second);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = secondId });

        Assert.Equal("2026-07-21", booked.Date);
        Assert.Equal(EligibilityOutcome.Eligible, before.Outcome);
        // The inmate's own days are the prison's to tell: the counter hears the neutral answer.
        Assert.Equal(EligibilityOutcome.ContactPrison, after.Outcome);
        await RefusedNamingAugustAsync(secondId, decision);
    }

    [Fact]
    public async Task TheMonthsOnlyDayLeftHeldByAProposalTheVisitCentreHasNotConfirmedIsNoDayForTheSecondVisitEither()
    {
        // As above: 8 July, area 1, the 21st the one day left; but the first visit is only proposed.
        system.Clock.StartAt(TestDates.At(2026, 7, 8, 9, 0));
        var family = new Family(system.Clock);
        var inmate = "提议占日" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "1", ManagementLevel.Lenient);
        var clerk = system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, $"clerk-day-limit-{Guid.NewGuid():N}"));
        var second = InJuly(family.Application(inmate, area: "1"));
        var firstId = await _chain.DriveToPrisonTaskAsync(InJuly(family.Application(inmate, area: "1")));
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = firstId })).Approved);
        var proposal = await _chain.WaitForProposalAsync(firstId);
        // Scheduling's slot finder already keeps the inmate's other visits off the 21st; the prison hears of the proposal.
        var proposed = await OutboxRows.MessageIdsAsync(system.Databases["scheduling"], nameof(VisitProposed), [firstId]);
        await Eventually.Until(() => OutboxRows.InboxOfAsync(system.Databases["prison_approval"], proposed), n => n == proposed.Count, "the proposal to reach the prison's ledger");

        var after = await clerk.CheckEligibilityAsync(CounterQuestions.For(second, family.InmateNumber));
        var secondId = await _chain.DriveToPrisonTaskAsync(second);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = secondId });

        Assert.Equal("2026-07-21", proposal.Date);
        Assert.Equal(VisitStatus.Proposed, (await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId })).Status);
        Assert.Equal(EligibilityOutcome.ContactPrison, after.Outcome);
        await RefusedNamingAugustAsync(secondId, decision);
    }

    private async Task RefusedNamingAugustAsync(string applicationId, Decision decision)
    {
        Assert.False(decision.Approved);
        Assert.Equal("NO_VISIT_DAY_LEFT", decision.ReasonCode);
        var failure = Assert.Single(decision.Failures);
        Assert.Contains("2026年7月已无可安排的视频会见日", failure.Message, StringComparison.Ordinal);
        Assert.Contains("最近可申请2026年8月", failure.Message, StringComparison.Ordinal);
        await _chain.WaitForOutcomeAsync(applicationId, Contracts.Grpc.Application.ApplicationStatus.PrisonRejected, smsCount: 2);
    }

    private static Contracts.Grpc.Application.SubmitApplicationRequest InJuly(Contracts.Grpc.Application.SubmitApplicationRequest request)
    {
        request.VisitMonth = "2026-07";
        return request;
    }
}
