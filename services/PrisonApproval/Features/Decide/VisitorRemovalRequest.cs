using Google.Protobuf.Collections;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>
/// The visitors an officer refuses while approving the visit (docs/visitor-refusal-and-no-shows.md):
/// checked against the application (each visitor on it once, a known reason, an adult left), and the
/// application as the rules then judge it and scheduling books it — without them.
/// </summary>
public sealed record VisitorRemovalRequest(IReadOnlyList<RemovedFromVisit> Removed, ApplicationDetails Remaining)
{
    /// <summary>The removals asked for on <paramref name="application"/>; INVALID_ARGUMENT, field by field, for any that cannot be recorded.</summary>
    public static VisitorRemovalRequest Of(ApplicationDetails application, RepeatedField<VisitorRemoval> removals)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(removals);
        var asked = removals.Select(r => (r.VisitorIndex, ProtoCodes.IsSpecified(r.Reason) ? ProtoCodes.ToCode(r.Reason) : string.Empty)).ToList();
        var violations = new FieldViolations();
        foreach (var (field, problem) in VisitorRemovals.Check([.. application.Visitors.Select(v => v.Age)], asked))
        {
            violations.Add(field, problem);
        }

        violations.ThrowIfAny();
        var removed = asked.Select(r => new RemovedFromVisit(r.VisitorIndex, application.Visitors[r.VisitorIndex].Relation, r.Item2)).OrderBy(r => r.VisitorIndex).ToList();
        var indexes = removed.Select(r => r.VisitorIndex).ToHashSet();
        return new(removed, application with { Visitors = [.. application.Visitors.Where((_, i) => !indexes.Contains(i))] });
    }

    public bool Any => Removed.Count > 0;
}
