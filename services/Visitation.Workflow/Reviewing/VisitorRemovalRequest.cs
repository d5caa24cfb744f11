using Google.Protobuf.Collections;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>
/// The visitors a reviewing stage refuses while approving the application for the others — the county bureau or the
/// prison's visit centre (docs/visitor-refusal-and-no-shows.md): checked against the stage's visitor list (each visitor
/// once, a known reason, an adult left), and the application as the next stage, the rules and scheduling then see it —
/// without them. A removal names the visitor by their position on the application as filed
/// (<see cref="VisitorDetails.Position"/>), so the family's SMS and the clerk's timeline count as the family did, even
/// when the bureau already took a visitor off the list the prison sees.
/// </summary>
public sealed record VisitorRemovalRequest(IReadOnlyList<RemovedFromVisit> Removed, ApplicationDetails Remaining)
{
    /// <summary>
    /// The removals asked for on the application <paramref name="item"/> reviews, at its stage; INVALID_ARGUMENT, field by
    /// field, for any that cannot be recorded (a removal of every adult names the stage's own refusal button).
    /// </summary>
    public static VisitorRemovalRequest Of(ReviewItem item, RepeatedField<VisitorRemoval> removals)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(removals);
        var application = item.Application;
        var asked = removals.Select(r => (r.VisitorIndex, ProtoCodes.IsSpecified(r.Reason) ? ProtoCodes.ToCode(r.Reason) : string.Empty)).ToList();
        var violations = new FieldViolations();
        foreach (var (field, problem) in VisitorRemovals.Check(item.Stage, [.. application.Visitors.Select(v => v.Age)], asked))
        {
            violations.Add(field, problem);
        }

        violations.ThrowIfAny();
        var visitors = application.Visitors.Select((v, i) => v with { Position = v.Position ?? i }).ToList();
        var removed = asked.Select(r => new RemovedFromVisit(visitors[r.VisitorIndex].Position!.Value, visitors[r.VisitorIndex].Relation, r.Item2)).OrderBy(r => r.VisitorIndex).ToList();
        var indexes = asked.Select(r => r.VisitorIndex).ToHashSet();
        return new(removed, application with { Visitors = [.. visitors.Where((_, i) => !indexes.Contains(i))] });
    }

    public bool Any => Removed.Count > 0;
}
