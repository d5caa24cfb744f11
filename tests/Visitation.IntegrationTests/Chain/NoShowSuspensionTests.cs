using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The no-show option (docs/visitor-refusal-and-no-shows.md) through the real services, on the run's
/// prison that has it switched on (<see cref="Orgs.NoShowPrison"/>: two no-shows within six months hold
/// the family's new applications back for three months). The no-shows are the venue day's own: nobody
/// checks in and the no-show timer fires. The family is held back where it asks (<c>CheckEligibility</c>) and where it
/// files (<c>SubmitApplication</c>); the prison's own refusal of an application filed inside a suspension is the rule's
/// (<c>Visitation.Rules.Tests/Eligibility/NoShowSuspensionTests</c>).
/// </summary>
public sealed class NoShowSuspensionTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system, prison: Orgs.NoShowPrison);

    [Fact]
    public async Task TwoMissedVisitsHoldTheFamilysNextApplicationBackAtTheCounterAndAtThePrisonNamingTheDayItMayApplyAgain()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "爽约两次" + family.Phone[^4..];
        // The lenient level's two visits a month: both booked in March, both missed.
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3", ManagementLevel.Lenient);
        var first = ForNoShowPrison(family.Application(inmate));
        var mother = first.Visitors[0];
        var visits = new List<VisitView>();
        foreach (var request in new[] { first, WithVisitor(family.Application(inmate), mother) })
        {
            var id = await _chain.DriveToPrisonTaskAsync(request);
            Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id })).Approved);
            var proposal = await _chain.WaitForProposalAsync(id);
            visits.Add(await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId }));
            await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        }

        try
        {
            foreach (var visit in visits.OrderBy(v => v.Date, StringComparer.Ordinal))
            {
                system.Clock.Freeze(TestDates.Of(visit.Date, visit.StartTime, 1));
                await Eventually.Until(() => _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }).ResponseAsync,
                    v => v.Status == VisitStatus.NoShow, $"visit {visit.VisitId} to become a no-show");
            }

            var month = visits[0].Date[..7];
            await Eventually.Until(() => _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = month }).ResponseAsync,
                view => view.QuotaEntries.Count(e => e.Outcome == QuotaOutcome.NoShow) == 2, "both no-shows in the prison's ledger");
        }
        finally
        {
            system.Clock.Release();
        }

        // Suspended from the later no-show for three months: the family may apply again on the same date three months on.
        var lastNoShow = visits.Select(v => DateOnly.ParseExact(v.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Max();
        var again = lastNoShow.AddMonths(3);
        var expected = $"会见人近6个月内已有2次预约会见未到场，{Chinese(again.AddDays(-1))}前不受理新的会见申请，{Chinese(again)}起可再申请。";
        var next = WithVisitor(family.Application(inmate), mother);
        var clerk = system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, $"clerk-no-show-{Guid.NewGuid():N}"));

        var counter = await clerk.CheckEligibilityAsync(CounterQuestions.For(next, family.InmateNumber));
        var anotherFamily = await clerk.CheckEligibilityAsync(CounterQuestions.For(ForNoShowPrison(new Family(system.Clock).Application(inmate)), family.InmateNumber));

        Assert.Equal(EligibilityOutcome.VisitorsIneligible, counter.Outcome);
        var failure = Assert.Single(counter.Failures);
        Assert.Equal(("NO_SHOW_SUSPENSION", expected, "policy choice"), (failure.Code, failure.Message, failure.Source));
        // The suspension is the family's with this inmate, not the inmate's.
        Assert.Equal(EligibilityOutcome.Eligible, anotherFamily.Outcome);

        // Filing is refused at the counter too, with the same words, and nothing is filed; another family files.
        var filed = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(next));
        var otherFamilysId = await _chain.SubmitAsync(ForNoShowPrison(new Family(system.Clock).Application(inmate)));

        Assert.Equal(StatusCode.InvalidArgument, filed.StatusCode);
        var violation = Assert.Single(filed.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("visitors", expected, "NO_SHOW_SUSPENSION"), (violation.Field, violation.Description, violation.Reason));
        Assert.NotEmpty(otherFamilysId);
        var filedForInmate = await _chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest { Query = inmate });
        Assert.DoesNotContain(filedForInmate.Applications, a => a.ApplicationId != otherFamilysId && a.Status == ApplicationStatus.Submitted);
    }

    private static SubmitApplicationRequest ForNoShowPrison(SubmitApplicationRequest request)
    {
        request.Inmate.PrisonId = Orgs.NoShowPrison;
        return request;
    }

    /// <summary>The family's next application, with the same visitor as before (the suspension is theirs).</summary>
    private static SubmitApplicationRequest WithVisitor(SubmitApplicationRequest request, VisitorInput visitor)
    {
        ForNoShowPrison(request);
        request.Visitors.Clear();
        request.Visitors.Add(visitor.Clone());
        return request;
    }

    private static string Chinese(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
