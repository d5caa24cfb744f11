using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// The audit of the running chain: each decision and each read of personal data writes exactly one
/// row in its service's database, naming the person (or the system) who acted, with codes and ids
/// only; and every service's chains verify afterwards.
/// </summary>
public sealed class AuditTrailTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task EveryStepOfAnApplicationToItsConfirmedVisitWritesOneAuditRowWithItsActor()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计甲" + family.Phone[^4..];
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate);
        var confirmed = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
        await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber });
        await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = confirmed.VisitId });
        var cancelled = await _chain.VisitCentre.CancelVisitAsync(new CancelVisitRequest { VisitId = confirmed.VisitId, Cause = CancellationCause.Maintenance });

        var inmateId = await AuditRows.InmateIdAsync(system.Databases["prison_approval"], family.InmateNumber);
        var (clerk, reviewer, officer, systemActor) = (AuditedActor.Clerk, AuditedActor.Reviewer, AuditedActor.Officer, AuditedActor.System);
        await AssertOneRowAsync("application", "ApplicationSubmitted", id, clerk);
        await AssertOneRowAsync("application", "ApplicationRead", id, clerk, AuditChain.Reads);
        await AssertOneRowAsync("bureau_review", "ReviewApproved", id, reviewer);
        await AssertOneRowAsync("prison_approval", "RegisterImported", inmateId, officer);
        await AssertOneRowAsync("prison_approval", "ApprovalApproved", id, officer);
        await AssertOneRowAsync("prison_approval", "InmateRead", inmateId, officer, AuditChain.Reads);
        await AssertOneRowAsync("scheduling", "VisitProposed", proposal.VisitId, systemActor);
        await AssertOneRowAsync("scheduling", "VisitConfirmed", proposal.VisitId, officer);
        await AssertOneRowAsync("scheduling", "VisitRead", proposal.VisitId, officer, AuditChain.Reads);
        await AssertOneRowAsync("scheduling", "VisitCancelled", proposal.VisitId, officer);
        // The re-offer after the cancellation is the system's proposal, not the officer's.
        if (cancelled.Cancelled.Single().NewVisitId is { Length: > 0 } replacement)
        {
            await AssertOneRowAsync("scheduling", "VisitProposed", replacement, systemActor);
        }
    }

    [Fact]
    public async Task RejectionsWithdrawalsAndRegisterChangesEachWriteOneAuditRowWithTheirReasonCode()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计乙" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var rejected = await _chain.SubmitAsync(family.Application(inmate));
        await _chain.WaitForBureauTaskAsync(rejected);
        await _chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = rejected, ReasonCode = "RELATIONSHIP_UNPROVEN", Reason = "亲属关系证明与户口簿不一致" });
        var withdrawn = await _chain.SubmitAsync(family.Application(inmate));
        await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = withdrawn, Reason = "家中有事" });
        var refused = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        await _chain.Officer.RejectApplicationAsync(new PrisonRejectRequest { ApplicationId = refused, ReasonCode = "OTHER", Reason = "监区调整" });
        var bar = await _chain.Officer.BarVisitorAsync(new BarVisitorRequest { IdNumber = Family.IdNumber(new DateOnly(1960, 1, 1), 7), From = Day(system.Clock.ChinaToday), Reason = "私自录音" });
        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(system.Clock.ChinaToday), To = Day(system.Clock.ChinaToday.AddDays(3)), Reason = "违反监规" },
        });

        var inmateId = await AuditRows.InmateIdAsync(system.Databases["prison_approval"], family.InmateNumber);
        var officer = AuditedActor.Officer;
        Assert.Equal("RELATIONSHIP_UNPROVEN", (await AssertOneRowAsync("bureau_review", "ReviewRejected", rejected, AuditedActor.Reviewer)).ReasonCode);
        await AssertOneRowAsync("application", "ApplicationWithdrawn", withdrawn, AuditedActor.Clerk);
        Assert.Equal("OTHER", (await AssertOneRowAsync("prison_approval", "ApprovalRejected", refused, officer)).ReasonCode);
        await AssertOneRowAsync("prison_approval", "VisitorBarred", bar.BarId, officer);
        await AssertOneRowAsync("prison_approval", "InmateStatusSet", inmateId, officer);
    }

    [Fact]
    public async Task AuditRowsHoldNoNamePhoneOrIdNumberAndEveryServicesChainsVerify()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计丙" + family.Phone[^4..];
        var request = family.Application(inmate);
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(request);
        await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        await _chain.WaitForProposalAsync(id);
        await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });

        string[] personal = [inmate, family.Phone, family.InmateNumber, request.Visitors[0].Name, request.Visitors[0].IdNumber];
        foreach (var service in VisitationSystem.ServiceNames)
        {
            AuditRows.AssertNoPersonalData(await AuditRows.AllAsync(system.Databases[service]), personal);
            Assert.Null(await Messaging.Audit.AuditStore.VerifyAsync(system.Databases[service], CancellationToken.None));
        }
    }

    private Task<AuditRow> AssertOneRowAsync(string service, string eventType, string recordId, AuditedActor actor, AuditChain chain = AuditChain.Changes) =>
        AuditRows.SingleAsync(system, service, eventType, recordId, actor, chain);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
