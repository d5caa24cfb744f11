using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Privacy;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// Minimum data in events (docs/data-minimisation.md), seen on the broker itself: a copy of every
/// event of a whole chain run, bodies as RabbitMQ carried them.
/// </summary>
public sealed class EventBodiesTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task NoEventOnTheBrokerCarriesAnIdNumberAndOnlyTheContactEventForNotificationCarriesAPhone()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        await using var tap = await EventTap.OpenAsync(system.Amqp);
        var family = new Family(system.Clock);
        var idNumber = string.Empty;
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "李建华" + family.Phone[^4..], amend: r => idNumber = r.Visitors[0].IdNumber);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);

        var events = await Eventually.Until(
            async () => (await tap.TakeAsync()).ToList(),
            taken => taken.Any(e => e.Is<VisitScheduled>() && e.Body.Contains(id, StringComparison.OrdinalIgnoreCase)),
            "the chain's events on the tap");
        var ours = events.Where(e => e.Body.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();

        // The tap saw the chain: the submission's two events and both approvals.
        Assert.Contains(ours, e => e.Is<ApplicationSubmitted>());
        Assert.Contains(ours, e => e.Is<BureauApproved>());
        Assert.Contains(ours, e => e.Is<PrisonApproved>());
        var contact = Assert.Single(ours, e => e.Is<ApplicationContactGiven>());
        Assert.Contains(family.Phone, contact.Body, StringComparison.Ordinal);
        // What the reviewers get instead of the number: the masked form and the visitor key.
        var submitted = ours.First(e => e.Is<ApplicationSubmitted>()).Body;
        Assert.Contains(Mask.IdNumber(idNumber), submitted, StringComparison.Ordinal);
        Assert.Contains("\"visitorKey\"", submitted, StringComparison.Ordinal);
        // Scheduling checks the family in at the venue: it gets who is booked, masked and keyed, without documents.
        var approved = ours.First(e => e.Is<PrisonApproved>()).Body;
        Assert.Contains(Mask.IdNumber(idNumber), approved, StringComparison.Ordinal);
        Assert.Contains("\"visitorKey\"", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("\"documents\"", approved, StringComparison.Ordinal);
        // And nothing else, in any event of the run (other tests' events that arrived meanwhile included).
        Assert.DoesNotContain(events, e => e.Body.Contains(idNumber, StringComparison.OrdinalIgnoreCase));
        Assert.All(events, e => Assert.Empty(ClearTextScan.IdNumbersIn(e.Body)));
        Assert.All(events.Where(e => !e.Is<ApplicationContactGiven>()), e => Assert.Empty(ClearTextScan.NumbersIn(e.Body)));
    }

    [Fact]
    public void ThePrisonsApprovalCarriesVisitorsOnlyAsTheVenuesDoorNeedsThem()
    {
        // The contract itself: scheduling is given who is booked (to check them in) but never a visitor's
        // documents, nor the reviewing stages' VisitorDetails.
        Assert.DoesNotContain(typeof(VisitorDetails), TypesWithin(typeof(PrisonApproved), []));
        Assert.Contains(typeof(ScheduledVisitor), TypesWithin(typeof(PrisonApproved), []));
        Assert.DoesNotContain(typeof(ScheduledVisitor).GetProperties(), p => p.Name.Contains("Document", StringComparison.Ordinal) || p.Name.Contains("Phone", StringComparison.Ordinal));
        Assert.Contains(typeof(VisitorDetails), TypesWithin(typeof(BureauApproved), [])); // the search's own check: it finds one where there is one
    }

    [Fact]
    public void TheTapListensToEveryEventOfTheContracts()
    {
        // The tap's own check: an event it did not bind would pass the test above unseen.
        Assert.Contains(typeof(ApplicationSubmitted), EventTap.EventTypes);
        Assert.Contains(typeof(ApplicationContactGiven), EventTap.EventTypes);
        Assert.Contains(typeof(PrisonApproved), EventTap.EventTypes);
        Assert.DoesNotContain(typeof(CarriesPersonalDataAttribute), EventTap.EventTypes);
    }

    private static HashSet<Type> TypesWithin(Type type, HashSet<Type> seen)
    {
        // The framework's own types hold no visitor (a generic one, such as a list, may: its arguments are looked into).
        if ((type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) || !seen.Add(type))
        {
            return seen;
        }

        foreach (var inner in type.GetProperties().Select(p => p.PropertyType).Concat(type.GetGenericArguments()))
        {
            TypesWithin(Nullable.GetUnderlyingType(inner) ?? inner, seen);
        }

        return seen;
    }
}
